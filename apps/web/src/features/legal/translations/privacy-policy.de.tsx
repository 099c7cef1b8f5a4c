import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { ContactEmailLink } from '../components/contact-email-link';
import { ScopeList } from '../components/scope-list';
import { TikTokDisconnectSteps } from '../components/tiktok-disconnect-steps';
import { formatPolicyMonth, type LegalText } from '../legal-text';
import { policyFacts, type Scope } from '../policy-facts';

// A translation of the English original in components/privacy-policy.tsx, which is authoritative.

const { productName, host, minimumAge, minimumAgeWhereRequired } = policyFacts;

const scopePurposes: Record<Scope, string> = {
  'user.info.basic':
    'Deinen Anzeigenamen, deinen Avatar, deine Open ID und deine Union ID lesen, damit du siehst, welches Konto verbunden ist.',
  'video.publish':
    'Ein Video direkt in deinem TikTok-Profil veröffentlichen, wenn du dich für direktes Posten entscheidest.',
  'video.upload':
    'Ein Video als Entwurf in deinen TikTok-Posteingang schicken, damit du es in der TikTok-App fertigstellst.',
};

export const text: LegalText = {
  title: 'Datenschutzerklärung',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'de'),
  labels: { lastUpdated: 'Stand:', inShort: 'Kurz gesagt', onThisPage: 'Auf dieser Seite' },
  intro: (
    <p>
      Diese Erklärung beschreibt, was {productName} („wir“, „uns“), die Web-App unter {policyFacts.siteHost}, mit deinen
      Daten macht, wenn du damit auf TikTok veröffentlichst.
    </p>
  ),
  summary: [
    <>
      Wir bitten TikTok um drei Berechtigungen und sonst nichts: <code>user.info.basic</code>,{' '}
      <code>video.publish</code> und <code>video.upload</code>.
    </>,
    <>Deine Anmeldung liegt im Sitzungsspeicher dieses Tabs und ist weg, sobald du den Tab schließt.</>,
    <>Videos werden an TikTok gestreamt, nie auf Festplatte geschrieben und nach dem Upload nicht aufbewahrt.</>,
    <>
      Keine Werbung, kein Profiling, kein KI-Training. Keine Analyse-Tools, Skripte, Schriften oder CDNs von Dritten.
    </>,
  ],
  sections: [
    {
      id: 'what-we-process',
      title: 'Was wir verarbeiten',
      body: (
        <>
          <p>{productName} verarbeitet nur, was nötig ist, um dein Video auf TikTok zu bringen:</p>
          <ul>
            <li>
              <strong>Dein TikTok-Zugriffstoken.</strong> TikTok stellt es aus, nachdem du {productName} auf TikToks
              eigener Einwilligungsseite erlaubt hast (OAuth 2.0). Das Token, mit dem es erneuert wird, erreicht deinen
              Browser nur verschlüsselt, versiegelt von unserem Server, und ist anderswo nutzlos.
            </li>
            <li>
              <strong>Dein grundlegendes TikTok-Profil</strong>: Anzeigename, Avatar, Open ID und Union ID, aus der
              Berechtigung <code>user.info.basic</code>. Wir zeigen sie an, damit du prüfen kannst, dass das richtige
              Konto verbunden ist, und nutzen sie für nichts anderes.
            </li>
            <li>
              <strong>Das Video, das du posten möchtest.</strong> Seine Daten laufen auf dem Weg zu TikToks Content
              Posting API durch unseren Server. Sie werden gestreamt, nie auf Festplatte geschrieben, und vom Video wird
              nach dem Upload nichts aufbewahrt.
            </li>
            <li>
              <strong>Deine Beitragseinstellungen</strong>: die Beschreibung, wer den Beitrag sehen darf
              (Privatsphäre-Stufe), ob andere kommentieren, Duette oder Stitches machen dürfen
              (Interaktionseinstellungen) und ob der Beitrag deine eigene Marke oder die eines Dritten bewirbt
              (Offenlegung kommerzieller Inhalte). Sie werden genau so an TikTok weitergegeben, wie du sie gewählt hast.
            </li>
          </ul>
          <p>
            Wir fragen nicht nach deiner E-Mail-Adresse, Telefonnummer, deinen Kontakten oder anderen TikTok-Daten, und{' '}
            {productName} setzt keine Cookies.
          </p>
        </>
      ),
    },
    {
      id: 'why',
      title: 'Wofür wir sie nutzen',
      body: (
        <>
          <p>Nur, um:</p>
          <ul>
            <li>dich über OAuth 2.0 mit TikTok anzumelden;</li>
            <li>
              dein verbundenes Profil anzuzeigen, damit du bestätigen kannst, dass das richtige Konto verknüpft ist;
            </li>
            <li>
              dein Video, die Beschreibung, die Privatsphäre-Wahl, die Interaktionseinstellungen und die Offenlegung an
              TikTok zu senden, entweder zum direkten Veröffentlichen (<code>video.publish</code>) oder als Entwurf in
              deinem TikTok-Posteingang (<code>video.upload</code>).
            </li>
          </ul>
          <p>
            Wir nutzen deine Daten nie für Werbung, Profiling, das Training von KI-Modellen oder irgendetwas, das nichts
            mit dem Veröffentlichen deiner Inhalte zu tun hat. Wir verkaufen, vermieten oder tauschen sie nicht.
          </p>
        </>
      ),
    },
    {
      id: 'permissions',
      title: 'Die TikTok-Berechtigungen, um die wir bitten',
      body: (
        <>
          <p>
            Beim Verbinden bittet TikTok dich, genau diese drei Berechtigungen (Scopes) zu erteilen, und {productName}{' '}
            verlangt nichts darüber hinaus:
          </p>
          <ScopeList purposes={scopePurposes} />
        </>
      ),
    },
    {
      id: 'sharing',
      title: 'An wen wir sie weitergeben',
      body: (
        <>
          <p>Deine Daten gehen nur an diese Stellen:</p>
          <ul>
            <li>
              <strong>TikTok</strong>, um auszuführen, was du anstößt: dein Basisprofil lesen, ein Video veröffentlichen
              oder einen Entwurf speichern.
            </li>
            <li>
              <strong>{host.name}</strong>, unseren Hosting-Anbieter, der den Server von {productName} in {host.region}{' '}
              betreibt. Wie jeder Host überträgt er den Netzwerkverkehr, der für den Dienst nötig ist.
            </li>
            <li>
              <strong>Behörden, wenn das Gesetz es verlangt</strong>: um eine rechtliche Pflicht oder einen
              Gerichtsbeschluss zu erfüllen oder um die Rechte und die Sicherheit von {productName} und seinen Nutzern
              zu schützen.
            </li>
          </ul>
          <p>
            Es gibt keine Analyse, keine Werbung und keinerlei Tracking. Die App lädt keine Skripte, Schriften oder
            Content Delivery Networks von Dritten: Abgesehen von TikToks eigenen Seiten und deinem Profilbild spricht
            dein Browser nur mit {productName}.
          </p>
        </>
      ),
    },
    {
      id: 'retention',
      title: 'Wo sie gespeichert werden und wie lange',
      body: (
        <ul>
          <li>
            Dein Zugriffstoken wird nur für deine aktive Sitzung aufbewahrt, im <code>sessionStorage</code> deines
            Browsers für diesen Tab. Es landet nicht im lokalen Speicher, in Cookies oder einer anderen
            Browser-Datenbank und wird nie auf unseren Servern gespeichert. Es wird verworfen, wenn du den Tab schließt;
            jeder Tab hat seine eigene Sitzung.
          </li>
          <li>
            Videos werden an TikTok gestreamt und nie auf unseren Servern auf Festplatte geschrieben. Nach dem Upload
            wird vom Video nichts aufbewahrt.
          </li>
          <li>
            Beschreibungen und Beitragseinstellungen gehen mit dem Video an TikTok und werden von uns nicht gespeichert.
          </li>
          <li>Sobald TikTok deinen Beitrag hat, gilt dafür die Datenschutzerklärung von TikTok.</li>
        </ul>
      ),
    },
    {
      id: 'disconnect',
      title: 'Content Studio Pro trennen',
      body: (
        <>
          <p>
            <strong>In {productName}:</strong> Wähle im Studio <em>Trennen</em>. Wir bitten TikTok, das Zugriffstoken zu
            widerrufen, und löschen die Sitzung aus deinem Tab. Auch das Schließen des Tabs verwirft das Token.
          </p>
          <p>
            <strong>In TikTok:</strong> {productName} ist nur ein schlanker Client zwischen dir und TikTok; am
            zuverlässigsten entziehst du ihm den Zugriff, indem du es aus den Apps entfernst, die du autorisiert hast.
            Geh dazu in der TikTok-App auf:
          </p>
          <TikTokDisconnectSteps />
        </>
      ),
    },
    {
      id: 'rights',
      title: 'Deine Rechte',
      body: (
        <>
          <p>
            Nach geltendem Datenschutzrecht hast du das Recht auf Auskunft über deine personenbezogenen Daten, auf ihre
            Berichtigung und Löschung sowie das Recht, ihrer Verarbeitung zu widersprechen. Schreib an{' '}
            <ContactEmailLink />, und wir antworten dir. Da wir nach deiner Sitzung nichts aufbewahren, liegt bei uns
            meist nichts über dich vor; deine Kontodaten hat TikTok.
          </p>
          <p>Du kannst dich außerdem bei der Datenschutzaufsichtsbehörde an deinem Wohnort beschweren.</p>
        </>
      ),
    },
    {
      id: 'security',
      title: 'Sicherheit',
      body: (
        <ul>
          <li>Der gesamte Datenverkehr läuft über HTTPS, und Browser werden angewiesen, darauf zu bestehen (HSTS).</li>
          <li>
            Das TikTok-Client-Secret existiert nur als Umgebungsvariable unseres Servers. Es wird nie an deinen Browser
            geschickt.
          </li>
          <li>Unser Server startet nicht, wenn eines seiner Geheimnisse fehlt.</li>
        </ul>
      ),
    },
    {
      id: 'children',
      title: 'Kinder',
      body: (
        <p>
          {productName} ist nicht für Personen unter {minimumAge} Jahren gedacht, oder unter {minimumAgeWhereRequired}{' '}
          Jahren, wo das Recht deines Landes dieses Alter festlegt. Wir erheben wissentlich keine personenbezogenen
          Daten von Kindern; wenn du glaubst, dass ein Kind den Dienst genutzt hat, melde dich bei uns.
        </p>
      ),
    },
    {
      id: 'changes',
      title: 'Änderungen dieser Erklärung',
      body: (
        <p>
          Wir können diese Erklärung aktualisieren. Das Datum „Stand“ oben zeigt immer, wann sie zuletzt geändert wurde,
          und wesentliche Änderungen kündigen wir auf dieser Website an.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Kontakt',
      body: (
        <p>
          Fragen zu dieser Erklärung oder dazu, wie {productName} mit deinen Daten umgeht: <ContactEmailLink />. Siehe
          auch unsere <Link to={paths.terms.getHref()}>Nutzungsbedingungen</Link>.
        </p>
      ),
    },
  ],
};
