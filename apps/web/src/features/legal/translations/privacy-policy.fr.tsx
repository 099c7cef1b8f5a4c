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
    'Lire votre nom d’affichage, votre avatar, votre open id et votre union id, pour que vous voyiez quel compte est connecté.',
  'video.publish':
    'Publier une vidéo directement sur votre profil TikTok, quand vous choisissez la publication directe.',
  'video.upload':
    'Envoyer une vidéo en brouillon dans votre boîte de réception TikTok, pour que vous la finalisiez dans l’application TikTok.',
};

export const text: LegalText = {
  title: 'Politique de confidentialité',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'fr'),
  labels: { lastUpdated: 'Dernière mise à jour :', inShort: 'En bref', onThisPage: 'Sur cette page' },
  intro: (
    <p>
      Cette politique explique ce que {productName} (« nous »), l’application web accessible sur {policyFacts.siteHost},
      fait de vos informations lorsque vous l’utilisez pour publier sur TikTok.
    </p>
  ),
  summary: [
    <>
      Nous demandons à TikTok trois autorisations et rien d’autre : <code>user.info.basic</code>,{' '}
      <code>video.publish</code> et <code>video.upload</code>.
    </>,
    <>Votre connexion réside dans le stockage de session de cet onglet et disparaît quand vous le fermez.</>,
    <>
      Les vidéos sont transmises en continu à TikTok, jamais écrites sur disque, et rien n’en est conservé après
      l’envoi.
    </>,
    <>
      Ni publicité, ni profilage, ni entraînement d’IA. Ni outils de mesure d’audience, ni scripts, polices ou CDN
      tiers.
    </>,
  ],
  sections: [
    {
      id: 'what-we-process',
      title: 'Ce que nous traitons',
      body: (
        <>
          <p>{productName} ne traite que ce dont il a besoin pour mettre votre vidéo sur TikTok :</p>
          <ul>
            <li>
              <strong>Votre jeton d’accès TikTok.</strong> TikTok le délivre après que vous avez autorisé {productName}{' '}
              sur la page de consentement de TikTok (OAuth 2.0). Le jeton qui permet de le renouveler n’arrive dans
              votre navigateur que sous forme chiffrée, scellé par notre serveur ; il est donc inutilisable ailleurs.
            </li>
            <li>
              <strong>Votre profil TikTok de base</strong> : nom d’affichage, avatar, open id et union id, issus de
              l’autorisation <code>user.info.basic</code>. Nous les affichons pour que vous puissiez vérifier que le bon
              compte est connecté, et ne les utilisons à rien d’autre.
            </li>
            <li>
              <strong>La vidéo que vous choisissez de publier.</strong> Ses octets transitent par notre serveur en route
              vers la Content Posting API de TikTok. Ils sont transmis en continu, jamais écrits sur disque, et rien de
              la vidéo n’est conservé une fois l’envoi terminé.
            </li>
            <li>
              <strong>Vos paramètres de publication</strong> : la légende, qui peut voir la publication (niveau de
              confidentialité), si d’autres peuvent commenter, faire un duo ou un collage (paramètres d’interaction), et
              si la publication fait la promotion de votre propre marque ou de celle d’un tiers (divulgation de contenu
              commercial). Ils sont transmis à TikTok exactement tels que vous les avez choisis.
            </li>
          </ul>
          <p>
            Nous ne demandons ni votre adresse e-mail, ni votre numéro de téléphone, ni vos contacts, ni aucune autre
            donnée TikTok, et {productName} ne dépose aucun cookie.
          </p>
        </>
      ),
    },
    {
      id: 'why',
      title: 'Pourquoi nous les utilisons',
      body: (
        <>
          <p>Uniquement pour :</p>
          <ul>
            <li>vous connecter avec TikTok via OAuth 2.0 ;</li>
            <li>afficher votre profil connecté, pour que vous confirmiez que le bon compte est associé ;</li>
            <li>
              envoyer votre vidéo, sa légende, votre choix de confidentialité, vos paramètres d’interaction et votre
              divulgation à TikTok, soit pour la publier directement (<code>video.publish</code>), soit pour la déposer
              en brouillon dans votre boîte de réception TikTok (<code>video.upload</code>).
            </li>
          </ul>
          <p>
            Nous n’utilisons jamais vos données pour de la publicité, du profilage, l’entraînement de modèles d’IA, ni
            pour quoi que ce soit d’étranger à la publication du contenu que vous soumettez. Nous ne les vendons, ne les
            louons et ne les échangeons pas.
          </p>
        </>
      ),
    },
    {
      id: 'permissions',
      title: 'Les autorisations TikTok que nous demandons',
      body: (
        <>
          <p>
            Lors de la connexion, TikTok vous demande d’approuver exactement ces trois autorisations (scopes), et{' '}
            {productName} ne demande rien de plus :
          </p>
          <ScopeList purposes={scopePurposes} />
        </>
      ),
    },
    {
      id: 'sharing',
      title: 'Avec qui nous les partageons',
      body: (
        <>
          <p>Vos informations ne vont qu’à ces destinataires :</p>
          <ul>
            <li>
              <strong>TikTok</strong>, pour réaliser les actions que vous lancez : lire votre profil de base, publier
              une vidéo ou enregistrer un brouillon.
            </li>
            <li>
              <strong>{host.name}</strong>, notre hébergeur, qui fait tourner le serveur de {productName} à{' '}
              {host.region}. Comme tout hébergeur, il achemine le trafic réseau nécessaire au service.
            </li>
            <li>
              <strong>Les autorités, lorsque la loi l’exige</strong> : pour respecter une obligation légale ou une
              décision de justice, ou pour protéger les droits et la sécurité de {productName} et de ses utilisateurs.
            </li>
          </ul>
          <p>
            Il n’y a ni mesure d’audience, ni publicité, ni pistage d’aucune sorte. L’application ne charge aucun
            script, aucune police ni aucun réseau de diffusion de contenu tiers : hormis les pages de TikTok et votre
            photo de profil, votre navigateur ne communique qu’avec {productName}.
          </p>
        </>
      ),
    },
    {
      id: 'retention',
      title: 'Où elles sont conservées, et combien de temps',
      body: (
        <ul>
          <li>
            Votre jeton d’accès n’est conservé que pour votre session active, dans le <code>sessionStorage</code> de
            votre navigateur pour cet onglet. Il n’est mis ni dans le stockage local, ni dans des cookies, ni dans
            aucune autre base de données du navigateur, et n’est jamais stocké sur nos serveurs. Il est supprimé quand
            vous fermez l’onglet ; chaque onglet a sa propre session.
          </li>
          <li>
            Les vidéos sont transmises en continu à TikTok et ne sont jamais écrites sur disque sur nos serveurs. Rien
            d’une vidéo n’est conservé après l’envoi.
          </li>
          <li>
            Les légendes et paramètres de publication sont transmis à TikTok avec la vidéo et nous ne les stockons pas.
          </li>
          <li>
            Une fois votre publication chez TikTok, c’est la politique de confidentialité de TikTok qui s’applique.
          </li>
        </ul>
      ),
    },
    {
      id: 'disconnect',
      title: 'Déconnecter Content Studio Pro',
      body: (
        <>
          <p>
            <strong>Dans {productName} :</strong> choisissez <em>Déconnecter</em> dans le studio. Nous demandons à
            TikTok de révoquer le jeton d’accès et effaçons la session de votre onglet. Fermer l’onglet supprime aussi
            le jeton.
          </p>
          <p>
            <strong>Dans TikTok :</strong> {productName} n’est qu’un client léger entre vous et TikTok ; le moyen le
            plus sûr de lui retirer l’accès est de le supprimer des applications que vous avez autorisées. Dans
            l’application mobile TikTok, allez dans :
          </p>
          <TikTokDisconnectSteps />
        </>
      ),
    },
    {
      id: 'rights',
      title: 'Vos droits',
      body: (
        <>
          <p>
            Selon la loi applicable en matière de protection des données, vous avez le droit d’accéder à vos données
            personnelles, de les faire rectifier ou supprimer, et de vous opposer à leur traitement. Écrivez à{' '}
            <ContactEmailLink /> et nous vous répondrons. Comme nous ne gardons rien après votre session, nous ne
            détenons en général rien sur vous ; vos données de compte sont chez TikTok.
          </p>
          <p>
            Vous pouvez aussi introduire une réclamation auprès de l’autorité de protection des données de votre pays.
          </p>
        </>
      ),
    },
    {
      id: 'security',
      title: 'Sécurité',
      body: (
        <ul>
          <li>Tout le trafic passe par HTTPS, et les navigateurs ont pour consigne de l’exiger (HSTS).</li>
          <li>
            Le secret client TikTok n’existe que sous forme de variable d’environnement de notre serveur. Il n’est
            jamais envoyé à votre navigateur.
          </li>
          <li>Notre serveur refuse de démarrer s’il lui manque l’un de ses secrets.</li>
        </ul>
      ),
    },
    {
      id: 'children',
      title: 'Enfants',
      body: (
        <p>
          {productName} ne s’adresse pas aux personnes de moins de {minimumAge} ans, ni de moins de{' '}
          {minimumAgeWhereRequired} ans là où la loi de votre pays fixe cet âge. Nous ne collectons pas sciemment
          d’informations personnelles concernant des enfants ; si vous pensez qu’un enfant a utilisé le service,
          contactez-nous.
        </p>
      ),
    },
    {
      id: 'changes',
      title: 'Modifications de cette politique',
      body: (
        <p>
          Nous pouvons mettre à jour cette politique. La date de « Dernière mise à jour » en haut de page indique
          toujours sa dernière modification, et nous annonçons les changements importants sur ce site.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Contact',
      body: (
        <p>
          Pour toute question sur cette politique ou sur la façon dont {productName} traite vos données :{' '}
          <ContactEmailLink />. Voir aussi nos <Link to={paths.terms.getHref()}>Conditions d’utilisation</Link>.
        </p>
      ),
    },
  ],
};
