import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { ContactEmailLink } from '../components/contact-email-link';
import { TikTokDisconnectSteps } from '../components/tiktok-disconnect-steps';
import { formatPolicyMonth, type LegalText } from '../legal-text';
import { policyFacts } from '../policy-facts';

// A translation of the English original in components/terms-of-service.tsx, which is authoritative.

const { productName, minimumAge, minimumAgeWhereRequired } = policyFacts;

export const text: LegalText = {
  title: 'Conditions d’utilisation',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'fr'),
  labels: { lastUpdated: 'Dernière mise à jour :', inShort: 'En bref', onThisPage: 'Sur cette page' },
  intro: (
    <p>
      Ces conditions encadrent votre utilisation de {productName}, l’application web accessible sur{' '}
      {policyFacts.siteHost}, pour publier des vidéos sur TikTok.
    </p>
  ),
  summary: [
    <>
      Vous publiez votre propre contenu sur votre propre compte TikTok ; nous ne l’envoyons que sur votre instruction.
    </>,
    <>
      Nous n’ajoutons aucun filigrane. Les règles de TikTok, sa Music Usage Confirmation et sa Branded Content Policy
      s’appliquent.
    </>,
    <>Le service est fourni sans garantie et peut changer quand l’API de TikTok change.</>,
    <>Déconnectez-vous à tout moment, dans l’application ou dans « Gérer les applications » de TikTok.</>,
  ],
  sections: [
    {
      id: 'agreement',
      title: 'Acceptation des présentes conditions',
      body: (
        <p>
          En connectant un compte TikTok à {productName} ou en l’utilisant de toute autre manière, vous acceptez ces
          conditions. Si vous ne les acceptez pas, veuillez ne pas utiliser le service.
        </p>
      ),
    },
    {
      id: 'service',
      title: 'Ce que fait le service',
      body: (
        <>
          <p>
            {productName} est un outil pour envoyer vos propres vidéos à TikTok. Une fois votre compte TikTok connecté,
            il transmet à TikTok la vidéo, la légende et les paramètres de publication que vous choisissez, soit pour
            publier directement, soit pour déposer un brouillon dans votre boîte de réception TikTok, puis vous montre
            ce que TikTok en dit.
          </p>
          <p>
            {productName} n’agit que sur votre instruction : rien n’est envoyé à TikTok tant que vous ne le demandez
            pas. C’est un outil indépendant, sans lien avec TikTok et non approuvé par TikTok.
          </p>
        </>
      ),
    },
    {
      id: 'eligibility',
      title: 'Votre compte TikTok',
      body: (
        <ul>
          <li>
            Vous avez besoin de votre propre compte TikTok et devez être autorisé à utiliser TikTok. Le service ne
            s’adresse pas aux personnes de moins de {minimumAge} ans, ni de moins de {minimumAgeWhereRequired} ans là où
            la loi de votre pays fixe cet âge.
          </li>
          <li>
            Les Conditions d’utilisation et les Règles communautaires de TikTok continuent de s’appliquer à tout ce que
            vous publiez via {productName}.
          </li>
          <li>
            Vous êtes responsable de l’appareil et du navigateur depuis lesquels vous vous connectez. Votre connexion ne
            dure que le temps de l’onglet du navigateur.
          </li>
        </ul>
      ),
    },
    {
      id: 'content',
      title: 'Votre contenu',
      body: (
        <ul>
          <li>
            Ne publiez que votre propre contenu original, ou un contenu que vous avez pleinement le droit de publier.
            Vous en conservez tous les droits ; vous nous autorisez seulement à le transmettre à TikTok pour votre
            compte.
          </li>
          <li>
            {productName} n’ajoute ni filigrane, ni logo, ni mention promotionnelle à vos vidéos. Ce que vous envoyez
            est ce que TikTok reçoit.
          </li>
          <li>
            Vous êtes responsable de vos légendes et de la divulgation de contenu commercial que vous choisissez. Quand
            vous publiez, la Music Usage Confirmation de TikTok s’applique, et la Branded Content Policy de TikTok
            s’applique au contenu de marque.
          </li>
          <li>TikTok décide si et quand une publication apparaît, et peut mettre quelques minutes à la traiter.</li>
        </ul>
      ),
    },
    {
      id: 'acceptable-use',
      title: 'Utilisation acceptable',
      body: (
        <>
          <p>N’utilisez pas {productName} pour :</p>
          <ul>
            <li>publier quoi que ce soit d’illégal, ou que les règles de TikTok n’autorisent pas ;</li>
            <li>
              publier un contenu qui porte atteinte aux droits d’auteur, aux marques, à la vie privée ou à d’autres
              droits d’autrui ;
            </li>
            <li>
              envoyer du spam, ou automatiser des publications en un volume ou à un rythme que TikTok ne permet pas ;
            </li>
            <li>connecter un compte ou publier sur un compte que vous n’avez pas le droit d’utiliser ;</li>
            <li>
              sonder, surcharger ou contourner la sécurité ou les limites de {productName} ou de TikTok, ou perturber
              leur utilisation par d’autres.
            </li>
          </ul>
        </>
      ),
    },
    {
      id: 'privacy',
      title: 'Confidentialité',
      body: (
        <p>
          La façon dont nous traitons vos informations, et les autorisations TikTok que nous demandons, sont décrites
          dans la <Link to={paths.privacy.getHref()}>Politique de confidentialité</Link>, qui fait partie de ces
          conditions.
        </p>
      ),
    },
    {
      id: 'availability',
      title: 'Disponibilité et évolution du service',
      body: (
        <p>
          Nous faisons en sorte que {productName} fonctionne bien, mais il peut parfois être indisponible, par exemple
          pendant une maintenance ou lorsque les services de TikTok sont en panne ou changent. Nous pouvons modifier,
          limiter ou supprimer des fonctions, notamment quand TikTok change ce que permet son API.
        </p>
      ),
    },
    {
      id: 'warranty',
      title: 'Absence de garantie et limites de responsabilité',
      body: (
        <>
          <p>
            {productName} est fourni « en l’état » et « selon disponibilité », sans garantie d’aucune sorte, dans la
            mesure permise par la loi. Nous ne promettons pas que chaque envoi réussisse ni que TikTok accepte chaque
            publication.
          </p>
          <p>
            Dans la mesure permise par la loi, nous ne sommes pas responsables des pertes indirectes ou consécutives, ni
            des actions de TikTok. Rien dans ces conditions ne limite une responsabilité que la loi ne permet pas de
            limiter, ni ne vous retire les droits dont vous disposez en tant que consommateur là où vous vivez.
          </p>
        </>
      ),
    },
    {
      id: 'ending',
      title: 'Déconnexion et fin d’utilisation',
      body: (
        <>
          <p>
            Vous pouvez arrêter à tout moment : choisissez <em>Déconnecter</em> dans le studio, ou fermez l’onglet, ce
            qui supprime votre connexion. Pour retirer aussi l’accès de {productName} dans TikTok, allez dans
            l’application mobile TikTok :
          </p>
          <TikTokDisconnectSteps />
          <p>
            Nous pouvons suspendre ou supprimer l’accès à {productName} pour quiconque enfreint ces conditions ou les
            règles de TikTok, ou pour protéger le service et ses utilisateurs.
          </p>
        </>
      ),
    },
    {
      id: 'changes',
      title: 'Modifications de ces conditions',
      body: (
        <p>
          Nous pouvons mettre à jour ces conditions. La date de « Dernière mise à jour » en haut de page indique leur
          dernière modification, et nous annonçons les changements importants sur ce site. Utiliser le service après une
          modification vaut acceptation des conditions mises à jour.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Contact',
      body: (
        <p>
          Pour toute question sur ces conditions : <ContactEmailLink />.
        </p>
      ),
    },
  ],
};
