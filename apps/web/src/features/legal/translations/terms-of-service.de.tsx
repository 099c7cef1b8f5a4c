import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { ContactEmailLink } from '../components/contact-email-link';
import { TikTokDisconnectSteps } from '../components/tiktok-disconnect-steps';
import { formatPolicyMonth, type LegalText } from '../legal-text';
import { policyFacts } from '../policy-facts';

// A translation of the English original in components/terms-of-service.tsx, which is authoritative.

const { productName, minimumAge, minimumAgeWhereRequired } = policyFacts;

export const text: LegalText = {
  title: 'Nutzungsbedingungen',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'de'),
  labels: { lastUpdated: 'Stand:', inShort: 'Kurz gesagt', onThisPage: 'Auf dieser Seite' },
  intro: (
    <p>
      Diese Bedingungen regeln deine Nutzung von {productName}, der Web-App unter {policyFacts.siteHost}, zum
      Veröffentlichen von Videos auf TikTok.
    </p>
  ),
  summary: [
    <>Du postest deine eigenen Inhalte in dein eigenes TikTok-Konto; wir senden sie nur auf deine Anweisung.</>,
    <>
      Wir fügen keine Wasserzeichen hinzu. Es gelten die Regeln von TikTok, die Music Usage Confirmation und die Branded
      Content Policy.
    </>,
    <>Der Dienst kommt ohne Gewährleistung und kann sich ändern, wenn sich TikToks API ändert.</>,
    <>Trennen kannst du jederzeit, in der App oder unter „Apps verwalten“ bei TikTok.</>,
  ],
  sections: [
    {
      id: 'agreement',
      title: 'Zustimmung zu diesen Bedingungen',
      body: (
        <p>
          Wenn du ein TikTok-Konto mit {productName} verbindest oder den Dienst anderweitig nutzt, stimmst du diesen
          Bedingungen zu. Wenn du ihnen nicht zustimmst, nutze den Dienst bitte nicht.
        </p>
      ),
    },
    {
      id: 'service',
      title: 'Was der Dienst tut',
      body: (
        <>
          <p>
            {productName} ist ein Werkzeug, um deine eigenen Videos an TikTok zu senden. Nachdem du dein TikTok-Konto
            verbunden hast, gibt es das Video, die Beschreibung und die Beitragseinstellungen, die du wählst, an TikTok
            weiter, entweder zum direkten Veröffentlichen oder als Entwurf in deinem TikTok-Posteingang, und zeigt dir
            dann, was TikTok dazu meldet.
          </p>
          <p>
            {productName} handelt nur auf deine Anweisung: An TikTok wird nichts gesendet, bevor du es verlangst. Es ist
            ein unabhängiges Werkzeug, nicht mit TikTok verbunden und nicht von TikTok unterstützt.
          </p>
        </>
      ),
    },
    {
      id: 'eligibility',
      title: 'Dein TikTok-Konto',
      body: (
        <ul>
          <li>
            Du brauchst ein eigenes TikTok-Konto und musst TikTok nutzen dürfen. Der Dienst ist nicht für Personen unter{' '}
            {minimumAge} Jahren gedacht, oder unter {minimumAgeWhereRequired} Jahren, wo das Recht deines Landes dieses
            Alter festlegt.
          </li>
          <li>
            Für alles, was du über {productName} postest, bleiben die Nutzungsbedingungen und die Community-Richtlinien
            von TikTok für dich verbindlich.
          </li>
          <li>
            Du bist für das Gerät und den Browser verantwortlich, von dem aus du dich verbindest. Deine Anmeldung hält
            nur so lange wie der Browser-Tab.
          </li>
        </ul>
      ),
    },
    {
      id: 'content',
      title: 'Deine Inhalte',
      body: (
        <ul>
          <li>
            Poste nur deine eigenen, originalen Inhalte oder Inhalte, die du in vollem Umfang veröffentlichen darfst.
            Alle Rechte daran bleiben bei dir; du erlaubst uns nur, sie in deinem Auftrag an TikTok zu übertragen.
          </li>
          <li>
            {productName} fügt deinen Videos keine Wasserzeichen, Logos oder Werbekennzeichen hinzu. Was du sendest,
            erhält TikTok.
          </li>
          <li>
            Du bist für deine Beschreibungen und für die Offenlegung kommerzieller Inhalte verantwortlich, die du
            wählst. Wenn du postest, gilt TikToks Music Usage Confirmation, und für Markeninhalte gilt TikToks Branded
            Content Policy.
          </li>
          <li>
            TikTok entscheidet, ob und wann ein Beitrag erscheint, und braucht für die Verarbeitung eventuell ein paar
            Minuten.
          </li>
        </ul>
      ),
    },
    {
      id: 'acceptable-use',
      title: 'Zulässige Nutzung',
      body: (
        <>
          <p>Nutze {productName} nicht, um:</p>
          <ul>
            <li>etwas Rechtswidriges zu posten oder etwas, das TikToks Regeln nicht erlauben;</li>
            <li>Inhalte zu posten, die Urheber-, Marken-, Persönlichkeits- oder andere Rechte Dritter verletzen;</li>
            <li>Spam zu senden oder in einem Umfang oder Tempo automatisiert zu posten, das TikTok nicht erlaubt;</li>
            <li>dich mit einem Konto zu verbinden oder in ein Konto zu posten, das du nicht nutzen darfst;</li>
            <li>
              die Sicherheit oder die Grenzen von {productName} oder TikTok auszuforschen, zu überlasten oder zu umgehen
              oder andere bei der Nutzung eines der beiden zu stören.
            </li>
          </ul>
        </>
      ),
    },
    {
      id: 'privacy',
      title: 'Datenschutz',
      body: (
        <p>
          Wie wir mit deinen Daten umgehen und um welche TikTok-Berechtigungen wir bitten, steht in der{' '}
          <Link to={paths.privacy.getHref()}>Datenschutzerklärung</Link>, die Teil dieser Bedingungen ist.
        </p>
      ),
    },
    {
      id: 'availability',
      title: 'Verfügbarkeit und Änderungen des Dienstes',
      body: (
        <p>
          Wir bemühen uns, dass {productName} zuverlässig läuft, aber er kann zeitweise nicht verfügbar sein, etwa bei
          Wartungsarbeiten oder wenn TikToks Dienste ausfallen oder sich ändern. Wir können Funktionen ändern,
          einschränken oder einstellen, auch wenn TikTok ändert, was seine API erlaubt.
        </p>
      ),
    },
    {
      id: 'warranty',
      title: 'Keine Gewährleistung und Haftungsgrenzen',
      body: (
        <>
          <p>
            {productName} wird, soweit gesetzlich zulässig, „wie besehen“ und „wie verfügbar“ bereitgestellt, ohne
            Gewährleistung jeglicher Art. Wir versprechen nicht, dass jeder Upload gelingt oder TikTok jeden Beitrag
            annimmt.
          </p>
          <p>
            Soweit gesetzlich zulässig, haften wir nicht für indirekte Schäden oder Folgeschäden oder für das Handeln
            von TikTok. Nichts in diesen Bedingungen beschränkt eine Haftung, die gesetzlich nicht beschränkt werden
            kann, oder nimmt dir Rechte, die du an deinem Wohnort als Verbraucher hast.
          </p>
        </>
      ),
    },
    {
      id: 'ending',
      title: 'Trennen und Beenden der Nutzung',
      body: (
        <>
          <p>
            Du kannst jederzeit aufhören: Wähle im Studio <em>Trennen</em> oder schließ den Tab, das verwirft deine
            Anmeldung. Um {productName} auch bei TikTok den Zugriff zu entziehen, geh in der TikTok-App auf:
          </p>
          <TikTokDisconnectSteps />
          <p>
            Wir können den Zugang zu {productName} für alle sperren oder beenden, die gegen diese Bedingungen oder
            TikToks Regeln verstoßen, oder um den Dienst und seine Nutzer zu schützen.
          </p>
        </>
      ),
    },
    {
      id: 'changes',
      title: 'Änderungen dieser Bedingungen',
      body: (
        <p>
          Wir können diese Bedingungen aktualisieren. Das Datum „Stand“ oben zeigt, wann sie zuletzt geändert wurden,
          und wesentliche Änderungen kündigen wir auf dieser Website an. Wer den Dienst nach einer Änderung weiter
          nutzt, stimmt den aktualisierten Bedingungen zu.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Kontakt',
      body: (
        <p>
          Fragen zu diesen Bedingungen: <ContactEmailLink />.
        </p>
      ),
    },
  ],
};
