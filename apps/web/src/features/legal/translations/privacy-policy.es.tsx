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
    'Leer tu nombre visible, tu avatar, tu open id y tu union id, para que veas qué cuenta está conectada.',
  'video.publish': 'Publicar un video directamente en tu perfil de TikTok, cuando eliges publicar directamente.',
  'video.upload':
    'Enviar un video como borrador a tu bandeja de entrada de TikTok, para que lo termines en la app de TikTok.',
};

export const text: LegalText = {
  title: 'Política de privacidad',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'es'),
  labels: { lastUpdated: 'Última actualización:', inShort: 'En resumen', onThisPage: 'En esta página' },
  intro: (
    <p>
      Esta política explica qué hace {productName} («nosotros»), la aplicación web de {policyFacts.siteHost}, con tu
      información cuando la usas para publicar en TikTok.
    </p>
  ),
  summary: [
    <>
      Pedimos a TikTok tres permisos y nada más: <code>user.info.basic</code>, <code>video.publish</code> y{' '}
      <code>video.upload</code>.
    </>,
    <>Tu inicio de sesión vive en el almacenamiento de sesión de esta pestaña y desaparece al cerrarla.</>,
    <>Los videos se transmiten a TikTok, nunca se escriben en disco y no se conservan después de la subida.</>,
    <>Sin anuncios, perfiles ni entrenamiento de IA. Sin analítica, scripts, fuentes ni CDN de terceros.</>,
  ],
  sections: [
    {
      id: 'what-we-process',
      title: 'Qué tratamos',
      body: (
        <>
          <p>{productName} solo trata lo que necesita para llevar tu video a TikTok:</p>
          <ul>
            <li>
              <strong>Tu token de acceso de TikTok.</strong> TikTok lo emite después de que autorizas {productName} en
              la propia página de consentimiento de TikTok (OAuth 2.0). El token que lo renueva solo llega a tu
              navegador cifrado, sellado por nuestro servidor, así que no sirve en ningún otro sitio.
            </li>
            <li>
              <strong>Tu perfil básico de TikTok</strong>: nombre visible, avatar, open id y union id, del permiso{' '}
              <code>user.info.basic</code>. Los mostramos para que compruebes que la cuenta conectada es la correcta, y
              no los usamos para nada más.
            </li>
            <li>
              <strong>El video que eliges publicar.</strong> Sus bytes pasan por nuestro servidor de camino a la Content
              Posting API de TikTok. Se transmiten sin escribirse nunca en disco, y no se conserva nada del video una
              vez terminada la subida.
            </li>
            <li>
              <strong>Los ajustes de tu publicación</strong>: la descripción, quién puede ver la publicación (nivel de
              privacidad), si otras personas pueden comentar, hacer dúos o pegar (ajustes de interacción) y si la
              publicación promociona tu propia marca o la de un tercero (divulgación de contenido comercial). Se envían
              a TikTok exactamente como los elegiste.
            </li>
          </ul>
          <p>
            No pedimos tu dirección de correo, tu número de teléfono, tus contactos ni ningún otro dato de TikTok, y{' '}
            {productName} no usa cookies.
          </p>
        </>
      ),
    },
    {
      id: 'why',
      title: 'Para qué la usamos',
      body: (
        <>
          <p>Solo para:</p>
          <ul>
            <li>iniciar tu sesión con TikTok mediante OAuth 2.0;</li>
            <li>mostrar tu perfil conectado para que confirmes que la cuenta vinculada es la correcta;</li>
            <li>
              enviar a TikTok tu video, la descripción, tu elección de privacidad, los ajustes de interacción y la
              divulgación, ya sea para publicarlo directamente (<code>video.publish</code>) o para dejarlo como borrador
              en tu bandeja de entrada de TikTok (<code>video.upload</code>).
            </li>
          </ul>
          <p>
            Nunca usamos tus datos para publicidad, elaboración de perfiles, entrenamiento de modelos de IA ni nada
            ajeno a publicar el contenido que envías. No los vendemos, alquilamos ni intercambiamos.
          </p>
        </>
      ),
    },
    {
      id: 'permissions',
      title: 'Los permisos de TikTok que pedimos',
      body: (
        <>
          <p>
            Al conectarte, TikTok te pide aprobar exactamente estos tres permisos (scopes), y {productName} no pide nada
            más:
          </p>
          <ScopeList purposes={scopePurposes} />
        </>
      ),
    },
    {
      id: 'sharing',
      title: 'Con quién la compartimos',
      body: (
        <>
          <p>Tu información solo llega a estas partes:</p>
          <ul>
            <li>
              <strong>TikTok</strong>, para llevar a cabo lo que inicias: leer tu perfil básico, publicar un video o
              guardar un borrador.
            </li>
            <li>
              <strong>{host.name}</strong>, nuestro proveedor de alojamiento, que ejecuta el servidor de {productName}{' '}
              en {host.region}. Como cualquier proveedor de alojamiento, transporta el tráfico de red necesario para
              prestar el servicio.
            </li>
            <li>
              <strong>Las autoridades, cuando la ley lo exige</strong>: para cumplir una obligación legal o una orden
              judicial, o para proteger los derechos y la seguridad de {productName} y de sus usuarios.
            </li>
          </ul>
          <p>
            No hay analítica, publicidad ni seguimiento de ningún tipo. La app no carga scripts, fuentes ni redes de
            distribución de contenido de terceros: aparte de las propias páginas de TikTok y tu foto de perfil, tu
            navegador solo habla con {productName}.
          </p>
        </>
      ),
    },
    {
      id: 'retention',
      title: 'Dónde se guarda y durante cuánto tiempo',
      body: (
        <ul>
          <li>
            Tu token de acceso solo se guarda durante tu sesión activa, en el <code>sessionStorage</code> de tu
            navegador para esta pestaña. No se pone en el almacenamiento local, en cookies ni en ninguna otra base de
            datos del navegador, y nunca se guarda en nuestros servidores. Se descarta al cerrar la pestaña; cada
            pestaña tiene su propia sesión.
          </li>
          <li>
            Los videos se transmiten a TikTok y nunca se escriben en disco en nuestros servidores. No se conserva nada
            de un video después de la subida.
          </li>
          <li>Las descripciones y los ajustes de publicación se envían a TikTok con el video y no los guardamos.</li>
          <li>Una vez que TikTok tiene tu publicación, se le aplica la política de privacidad de TikTok.</li>
        </ul>
      ),
    },
    {
      id: 'disconnect',
      title: 'Desconectar Content Studio Pro',
      body: (
        <>
          <p>
            <strong>En {productName}:</strong> elige <em>Desconectar</em> en el estudio. Pedimos a TikTok que revoque el
            token de acceso y borramos la sesión de tu pestaña. Cerrar la pestaña también descarta el token.
          </p>
          <p>
            <strong>En TikTok:</strong> {productName} es solo un cliente ligero entre tú y TikTok, así que la forma más
            fiable de retirarle el acceso es quitarlo de las apps que has autorizado. En la app móvil de TikTok, ve a:
          </p>
          <TikTokDisconnectSteps />
        </>
      ),
    },
    {
      id: 'rights',
      title: 'Tus derechos',
      body: (
        <>
          <p>
            Según la ley de protección de datos aplicable, tienes derecho a acceder a tus datos personales, a
            rectificarlos o pedir que se supriman, y a oponerte a su tratamiento. Escribe a <ContactEmailLink /> y te
            responderemos. Como no guardamos nada después de tu sesión, normalmente no tenemos nada tuyo; los datos de
            tu cuenta los tiene TikTok.
          </p>
          <p>
            También puedes presentar una reclamación ante la autoridad de protección de datos del lugar donde vives.
          </p>
        </>
      ),
    },
    {
      id: 'security',
      title: 'Seguridad',
      body: (
        <ul>
          <li>Todo el tráfico usa HTTPS, y se indica a los navegadores que lo exijan (HSTS).</li>
          <li>
            El secreto de cliente de TikTok solo existe como variable de entorno de nuestro servidor. Nunca se envía a
            tu navegador.
          </li>
          <li>Nuestro servidor se niega a arrancar si le falta alguno de sus secretos.</li>
        </ul>
      ),
    },
    {
      id: 'children',
      title: 'Menores',
      body: (
        <p>
          {productName} no está pensado para menores de {minimumAge} años, ni de {minimumAgeWhereRequired} años donde la
          ley de tu país fija esa edad. No recopilamos a sabiendas información personal de menores; si crees que un
          menor ha usado el servicio, contáctanos.
        </p>
      ),
    },
    {
      id: 'changes',
      title: 'Cambios en esta política',
      body: (
        <p>
          Podemos actualizar esta política. La fecha de «Última actualización» de arriba siempre indica cuándo cambió
          por última vez, y anunciamos los cambios importantes en este sitio web.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Contacto',
      body: (
        <p>
          Preguntas sobre esta política o sobre cómo {productName} trata tus datos: <ContactEmailLink />. Consulta
          también nuestros <Link to={paths.terms.getHref()}>Términos del servicio</Link>.
        </p>
      ),
    },
  ],
};
