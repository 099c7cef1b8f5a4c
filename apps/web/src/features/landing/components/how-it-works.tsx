import './how-it-works.css';

const steps = [
  {
    title: 'Connect',
    text: "Approve Content Studio Pro on TikTok's own page. Your sign-in stays in this browser tab.",
  },
  {
    title: 'Compose',
    text: 'Pick a video from your device, write the caption, choose who can watch and whether it is commercial content.',
  },
  {
    title: 'Publish',
    text: 'Post straight to your profile or send it to your TikTok inbox as a draft, then follow it until TikTok is done.',
  },
] as const;

export function HowItWorks() {
  return (
    <section className="how-it-works" aria-labelledby="how-it-works-title">
      <h2 id="how-it-works-title" className="how-it-works__title">
        How it works
      </h2>
      <ol className="how-it-works__steps">
        {steps.map((step, index) => (
          <li key={step.title} className="how-it-works__step">
            <span className="how-it-works__number" aria-hidden="true">
              {index + 1}
            </span>
            <h3 className="how-it-works__step-title">{step.title}</h3>
            <p>{step.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
