/**
 * Every way a registration file may name a region, besides the official kk/ru/en names of
 * REGIONS (which are aliases too): Russian short forms, abbreviations, Latin transliterations,
 * the region's centre, and old names. Written as people write them; `findRegion` normalises case,
 * ё/е, Kazakh letters, spaces, dashes, punctuation and "обл. / облысы / область / г. / қаласы".
 * Which old name goes to which region, and why: docs/registration-import.md#region-names.
 */
// prettier-ignore
export const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  abai: ['Абайская', 'Abay', 'Abai oblysy', 'Abayskaya', 'Семей', 'Семипалатинск', 'Семипалатинская область', 'Semey', 'Semei', 'Semipalatinsk'],
  akmola: ['Акмолинская', 'Aqmola', 'Akmolinskaya', 'Кокшетау', 'Көкшетау', 'Kokshetau', 'Kokshetaw'],
  aktobe: ['Актюбинская', 'Актобе', 'Aqtobe', 'Aktobe', 'Aktyubinsk', 'Aktyubinskaya', 'Актюбинск'],
  'almaty-region': ['Алматинская', 'Almaty oblysy', 'Almatinskaya', 'Қонаев', 'Конаев', 'Konaev', 'Qonaev', 'Kapshagay', 'Капшагай'],
  atyrau: ['Атырауская', 'Atyrauskaya', 'Гурьев', 'Гурьевская область', 'Guryev'],
  'east-kazakhstan': [
    'ВКО', 'ШҚО', 'VKO', 'Восточно-Казахстанская', 'Восточный Казахстан', 'Шығыс Қазақстан', 'Shygys Kazakhstan', 'Shyghys Qazaqstan',
    'Vostochno-Kazakhstanskaya', 'East Kazakhstan', 'Өскемен', 'Оскемен', 'Усть-Каменогорск', 'Oskemen', 'Ust-Kamenogorsk',
  ],
  jambyl: ['Жамбылская', 'Zhambyl', 'Jambyl', 'Zhambylskaya', 'Джамбулская', 'Тараз', 'Taraz'],
  jetisu: ['Жетысу', 'Жетісу', 'Жетысуская', 'Zhetysu', 'Zhetisu', 'Jetisu', 'Jetysu', 'Талдыкорган', 'Талдықорған', 'Талдыкорганская область', 'Taldykorgan', 'Taldyqorgan'],
  'west-kazakhstan': [
    'ЗКО', 'БҚО', 'ZKO', 'Западно-Казахстанская', 'Западный Казахстан', 'Батыс Қазақстан', 'Batys Kazakhstan', 'Batys Qazaqstan',
    'Zapadno-Kazakhstanskaya', 'West Kazakhstan', 'Орал', 'Уральск', 'Oral', 'Uralsk',
  ],
  karaganda: ['Карагандинская', 'Қарағанды', 'Караганда', 'Qaragandy', 'Qaraghandy', 'Karagandy', 'Karaganda', 'Karagandinskaya'],
  kostanay: ['Костанайская', 'Кустанайская', 'Qostanay', 'Kostanai', 'Kostanay', 'Kostanayskaya'],
  kyzylorda: ['Кызылординская', 'Qyzylorda', 'Kyzylorda', 'Kyzylordinskaya'],
  mangystau: ['Мангистауская', 'Мангыстауская', 'Мангистау', 'Mangistau', 'Mangystau', 'Mangghystau', 'Mangistauskaya', 'Актау', 'Ақтау', 'Aktau', 'Aqtau'],
  pavlodar: ['Павлодарская', 'Pavlodarskaya'],
  'north-kazakhstan': [
    'СКО', 'СҚО', 'SKO', 'Северо-Казахстанская', 'Северный Казахстан', 'Солтүстік Қазақстан', 'Soltustik Kazakhstan', 'Soltustik Qazaqstan',
    'Severo-Kazakhstanskaya', 'North Kazakhstan', 'Петропавл', 'Петропавловск', 'Petropavl', 'Petropavlovsk',
  ],
  turkistan: [
    'Туркестанская', 'Туркестан', 'Түркістан', 'Turkestan', 'Turkistan', 'Turkestanskaya',
    'ЮКО', 'ОҚО', 'YuKO', 'Южно-Казахстанская', 'Южный Казахстан', 'Оңтүстік Қазақстан', 'Ontustik Kazakhstan', 'Ontustik Qazaqstan',
    'South Kazakhstan', 'Yuzhno-Kazakhstanskaya',
  ],
  ulytau: ['Улытауская', 'Ұлытау', 'Улытау', 'Ulytau', 'Ulutau', 'Жезказган', 'Жезқазған', 'Жезказганская область', 'Zhezkazgan', 'Zhezqazgan', 'Jezkazgan'],
  astana: ['Нур-Султан', 'Нұр-Сұлтан', 'Nur-Sultan', 'Nursultan'],
  almaty: ['Алма-Ата', 'Alma-Ata'],
  shymkent: ['Чимкент', 'Chimkent'],
};
