export interface ProgressBarProps {
  /** What is in progress, read out and shown above the bar. */
  label: string;
  /** 0–100, or null when the amount is not known (the bar then moves without a figure). */
  percent: number | null;
}

/** A visible, announced progress bar for long work: sending a file, checking 2,000 rows. */
export function ProgressBar({ label, percent }: ProgressBarProps) {
  const value = percent === null ? undefined : Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="ui-progress" role="status">
      <span className="ui-progress__label">{label}</span>
      <div
        className={`ui-progress__track${value === undefined ? ' ui-progress__track--indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
      >
        <div className="ui-progress__bar" style={value === undefined ? undefined : { width: `${value}%` }} />
      </div>
    </div>
  );
}
