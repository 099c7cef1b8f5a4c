import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { ContactEmailLink } from '../components/contact-email-link';
import { TikTokDisconnectSteps } from '../components/tiktok-disconnect-steps';
import { formatPolicyMonth, type LegalText } from '../legal-text';
import { policyFacts } from '../policy-facts';

// A translation of the English original in components/terms-of-service.tsx, which is authoritative.

const { productName, minimumAge, minimumAgeWhereRequired } = policyFacts;

export const text: LegalText = {
  title: 'Términos del servicio',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'es'),
  labels: { lastUpdated: 'Última actualización:', inShort: 'En resumen', onThisPage: 'En esta página' },
  intro: (
    <p>
      Estos términos regulan tu uso de {productName}, la aplicación web de {policyFacts.siteHost}, para publicar videos
      en TikTok.
    </p>
  ),
  summary: [
    <>Publicas tu propio contenido en tu propia cuenta de TikTok; solo lo enviamos cuando tú lo indicas.</>,
    <>
      No añadimos marcas de agua. Se aplican las normas de TikTok, su Music Usage Confirmation y su Branded Content
      Policy.
    </>,
    <>El servicio se ofrece sin garantía y puede cambiar cuando cambia la API de TikTok.</>,
    <>Desconéctate cuando quieras, en la app o en «Administrar apps» de TikTok.</>,
  ],
  sections: [
    {
      id: 'agreement',
      title: 'Aceptación de estos términos',
      body: (
        <p>
          Al conectar una cuenta de TikTok a {productName} o usarlo de cualquier otra forma, aceptas estos términos. Si
          no los aceptas, no uses el servicio.
        </p>
      ),
    },
    {
      id: 'service',
      title: 'Qué hace el servicio',
      body: (
        <>
          <p>
            {productName} es una herramienta para enviar tus propios videos a TikTok. Después de conectar tu cuenta de
            TikTok, envía a TikTok el video, la descripción y los ajustes de publicación que elijas, ya sea para
            publicar directamente o para dejarlo como borrador en tu bandeja de entrada de TikTok, y luego te muestra lo
            que TikTok informa al respecto.
          </p>
          <p>
            {productName} solo actúa cuando tú lo indicas: no se envía nada a TikTok hasta que lo pides. Es una
            herramienta independiente, sin relación con TikTok ni respaldada por TikTok.
          </p>
        </>
      ),
    },
    {
      id: 'eligibility',
      title: 'Tu cuenta de TikTok',
      body: (
        <ul>
          <li>
            Necesitas tu propia cuenta de TikTok y poder usar TikTok. El servicio no es para menores de {minimumAge}{' '}
            años, ni de {minimumAgeWhereRequired} años donde la ley de tu país fija esa edad.
          </li>
          <li>
            Los Términos del servicio y las Normas de la comunidad de TikTok te siguen obligando en todo lo que
            publiques a través de {productName}.
          </li>
          <li>
            Eres responsable del dispositivo y del navegador desde los que te conectas. Tu inicio de sesión solo dura lo
            que dura la pestaña del navegador.
          </li>
        </ul>
      ),
    },
    {
      id: 'content',
      title: 'Tu contenido',
      body: (
        <ul>
          <li>
            Publica solo tu propio contenido original, o contenido que tengas pleno derecho a publicar. Conservas todos
            sus derechos; solo nos permites transmitirlo a TikTok en tu nombre.
          </li>
          <li>
            {productName} no añade marcas de agua, logotipos ni marcas promocionales a tus videos. Lo que envías es lo
            que recibe TikTok.
          </li>
          <li>
            Eres responsable de tus descripciones y de la divulgación de contenido comercial que elijas. Al publicar, se
            aplica la Music Usage Confirmation de TikTok, y al contenido de marca se le aplica la Branded Content Policy
            de TikTok.
          </li>
          <li>TikTok decide si una publicación aparece y cuándo, y puede tardar unos minutos en procesarla.</li>
        </ul>
      ),
    },
    {
      id: 'acceptable-use',
      title: 'Uso aceptable',
      body: (
        <>
          <p>No uses {productName} para:</p>
          <ul>
            <li>publicar nada ilegal, ni nada que las normas de TikTok no permitan;</li>
            <li>
              publicar contenido que infrinja derechos de autor, marcas, privacidad u otros derechos de otras personas;
            </li>
            <li>enviar spam, o automatizar publicaciones en un volumen o a un ritmo que TikTok no permite;</li>
            <li>conectar una cuenta o publicar en una cuenta que no tienes derecho a usar;</li>
            <li>
              sondear, sobrecargar o eludir la seguridad o los límites de {productName} o de TikTok, ni interferir en el
              uso que otras personas hacen de ellos.
            </li>
          </ul>
        </>
      ),
    },
    {
      id: 'privacy',
      title: 'Privacidad',
      body: (
        <p>
          Cómo tratamos tu información, y los permisos de TikTok que pedimos, se describen en la{' '}
          <Link to={paths.privacy.getHref()}>Política de privacidad</Link>, que forma parte de estos términos.
        </p>
      ),
    },
    {
      id: 'availability',
      title: 'Disponibilidad y cambios del servicio',
      body: (
        <p>
          Trabajamos para que {productName} funcione bien, pero a veces puede no estar disponible, por ejemplo durante
          un mantenimiento o cuando los servicios de TikTok fallan o cambian. Podemos cambiar, limitar o retirar
          funciones, también cuando TikTok cambia lo que permite su API.
        </p>
      ),
    },
    {
      id: 'warranty',
      title: 'Sin garantía, y límites de responsabilidad',
      body: (
        <>
          <p>
            {productName} se ofrece «tal cual» y «según disponibilidad», sin garantías de ningún tipo, en la medida en
            que la ley lo permita. No prometemos que todas las subidas salgan bien ni que TikTok acepte todas las
            publicaciones.
          </p>
          <p>
            En la medida en que la ley lo permita, no respondemos de pérdidas indirectas o consecuentes, ni de las
            acciones de TikTok. Nada en estos términos limita una responsabilidad que la ley no permite limitar, ni te
            quita los derechos que tienes como consumidor donde vives.
          </p>
        </>
      ),
    },
    {
      id: 'ending',
      title: 'Desconexión y fin del uso',
      body: (
        <>
          <p>
            Puedes dejarlo cuando quieras: elige <em>Desconectar</em> en el estudio o cierra la pestaña, lo que descarta
            tu inicio de sesión. Para retirar también el acceso de {productName} en TikTok, en la app móvil de TikTok ve
            a:
          </p>
          <TikTokDisconnectSteps />
          <p>
            Podemos suspender o cancelar el acceso a {productName} a quien incumpla estos términos o las normas de
            TikTok, o para proteger el servicio y a sus usuarios.
          </p>
        </>
      ),
    },
    {
      id: 'changes',
      title: 'Cambios en estos términos',
      body: (
        <p>
          Podemos actualizar estos términos. La fecha de «Última actualización» de arriba indica cuándo cambiaron por
          última vez, y anunciamos los cambios importantes en este sitio web. Seguir usando el servicio después de un
          cambio significa que aceptas los términos actualizados.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Contacto',
      body: (
        <p>
          Preguntas sobre estos términos: <ContactEmailLink />.
        </p>
      ),
    },
  ],
};
