/** Where the venue server serves this app; Vite builds with it as `base`. */
export const BASE_PATH = '/console/';
