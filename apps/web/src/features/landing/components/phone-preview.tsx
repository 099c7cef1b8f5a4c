import './phone-preview.css';

/**
 * A drawing of the compose flow, made of plain elements so it costs no image request. It repeats
 * nothing the text does not already say, so it is hidden from assistive technology.
 */
export function PhonePreview() {
  return (
    <div className="phone-preview" aria-hidden="true">
      <div className="phone-preview__device">
        <div className="phone-preview__video">
          <span className="phone-preview__play" />
          <span className="phone-preview__time">0:24</span>
        </div>
        <div className="phone-preview__sheet">
          <span className="phone-preview__line phone-preview__line--long" />
          <span className="phone-preview__line" />
          <div className="phone-preview__chips">
            <span className="phone-preview__chip">Followers</span>
            <span className="phone-preview__chip phone-preview__chip--off">Comments off</span>
          </div>
          <span className="phone-preview__post">Post</span>
        </div>
      </div>
      <div className="phone-preview__badge phone-preview__badge--top">
        <span className="phone-preview__dot" />
        Uploading to TikTok · 68%
      </div>
      <div className="phone-preview__badge phone-preview__badge--bottom">
        <span className="phone-preview__check">✓</span>
        Published
      </div>
    </div>
  );
}
