import { useId } from 'react';
import { formatTimestamp } from '../video-checks';
import './time-slider.css';

interface TimeSliderProps {
  label: string;
  valueMs: number;
  maxMs: number;
  /** The id of the text that says what the chosen time means (the cut's range, the cover's source). */
  describedBy: string;
  disabled?: boolean;
  onChange: (valueMs: number) => void;
}

/**
 * A moment in the video, in tenths of a second: the cover frame and the start of a cut. A screen
 * reader hears the time as the composer writes it ("0:12.3"), not the slider's raw milliseconds.
 */
export function TimeSlider({ label, valueMs, maxMs, describedBy, disabled, onChange }: TimeSliderProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="composer-label">
        {label}
      </label>
      <input
        id={id}
        className="time-slider"
        type="range"
        min={0}
        max={maxMs}
        step={100}
        value={valueMs}
        disabled={disabled}
        aria-valuetext={formatTimestamp(valueMs)}
        aria-describedby={describedBy}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </>
  );
}
