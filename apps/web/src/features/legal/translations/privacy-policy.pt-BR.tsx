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
    'Ler seu nome de exibição, seu avatar, seu open id e seu union id, para você ver qual conta está conectada.',
  'video.publish': 'Publicar um vídeo direto no seu perfil do TikTok, quando você escolhe publicar diretamente.',
  'video.upload':
    'Enviar um vídeo como rascunho para sua caixa de entrada do TikTok, para você finalizar no app do TikTok.',
};

export const text: LegalText = {
  title: 'Política de Privacidade',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'pt-BR'),
  labels: { lastUpdated: 'Última atualização:', inShort: 'Em resumo', onThisPage: 'Nesta página' },
  intro: (
    <p>
      Esta política explica o que o {productName} (“nós”), o app web em {policyFacts.siteHost}, faz com suas informações
      quando você o usa para publicar no TikTok.
    </p>
  ),
  summary: [
    <>
      Pedimos ao TikTok três permissões e nada mais: <code>user.info.basic</code>, <code>video.publish</code> e{' '}
      <code>video.upload</code>.
    </>,
    <>Seu login fica no armazenamento de sessão desta aba e some quando você fecha a aba.</>,
    <>Os vídeos são transmitidos ao TikTok, nunca gravados em disco e não são guardados depois do envio.</>,
    <>Sem anúncios, perfis ou treinamento de IA. Sem análises, scripts, fontes ou CDNs de terceiros.</>,
  ],
  sections: [
    {
      id: 'what-we-process',
      title: 'O que tratamos',
      body: (
        <>
          <p>O {productName} trata só o necessário para colocar seu vídeo no TikTok:</p>
          <ul>
            <li>
              <strong>Seu token de acesso do TikTok.</strong> O TikTok o emite depois que você autoriza o {productName}{' '}
              na própria página de consentimento do TikTok (OAuth 2.0). O token que o renova só chega ao seu navegador
              criptografado, selado pelo nosso servidor, então não serve para nada em outro lugar.
            </li>
            <li>
              <strong>Seu perfil básico do TikTok</strong>: nome de exibição, avatar, open id e union id, da permissão{' '}
              <code>user.info.basic</code>. Nós os mostramos para você conferir se a conta certa está conectada, e não
              os usamos para mais nada.
            </li>
            <li>
              <strong>O vídeo que você escolhe publicar.</strong> Os bytes dele passam pelo nosso servidor a caminho da
              Content Posting API do TikTok. Eles são transmitidos sem nunca serem gravados em disco, e nada do vídeo é
              guardado depois que o envio termina.
            </li>
            <li>
              <strong>As configurações da sua publicação</strong>: a legenda, quem pode ver a publicação (nível de
              privacidade), se outras pessoas podem comentar, fazer dueto ou costura (configurações de interação) e se a
              publicação promove sua própria marca ou a de terceiros (divulgação de conteúdo comercial). Elas são
              repassadas ao TikTok exatamente como você escolheu.
            </li>
          </ul>
          <p>
            Não pedimos seu e-mail, seu telefone, seus contatos nem qualquer outro dado do TikTok, e o {productName} não
            usa cookies.
          </p>
        </>
      ),
    },
    {
      id: 'why',
      title: 'Para que usamos',
      body: (
        <>
          <p>Somente para:</p>
          <ul>
            <li>fazer seu login com o TikTok via OAuth 2.0;</li>
            <li>mostrar seu perfil conectado, para você confirmar que a conta certa está vinculada;</li>
            <li>
              enviar ao TikTok seu vídeo, a legenda, sua escolha de privacidade, as configurações de interação e a
              divulgação, seja para publicar diretamente (<code>video.publish</code>), seja para deixar como rascunho na
              sua caixa de entrada do TikTok (<code>video.upload</code>).
            </li>
          </ul>
          <p>
            Nunca usamos seus dados para publicidade, criação de perfis, treinamento de modelos de IA ou qualquer coisa
            sem relação com a publicação do conteúdo que você envia. Não vendemos, alugamos nem trocamos seus dados.
          </p>
        </>
      ),
    },
    {
      id: 'permissions',
      title: 'As permissões do TikTok que pedimos',
      body: (
        <>
          <p>
            Ao conectar, o TikTok pede que você aprove exatamente estas três permissões (scopes), e o {productName} não
            pede nada além disso:
          </p>
          <ScopeList purposes={scopePurposes} />
        </>
      ),
    },
    {
      id: 'sharing',
      title: 'Com quem compartilhamos',
      body: (
        <>
          <p>Suas informações vão só para estas partes:</p>
          <ul>
            <li>
              <strong>TikTok</strong>, para realizar o que você inicia: ler seu perfil básico, publicar um vídeo ou
              salvar um rascunho.
            </li>
            <li>
              <strong>{host.name}</strong>, nosso provedor de hospedagem, que roda o servidor do {productName} em{' '}
              {host.region}. Como qualquer provedor, ele transporta o tráfego de rede necessário para prestar o serviço.
            </li>
            <li>
              <strong>Autoridades, quando a lei exigir</strong>: para cumprir uma obrigação legal ou ordem judicial, ou
              para proteger os direitos e a segurança do {productName} e de seus usuários.
            </li>
          </ul>
          <p>
            Não há análise, publicidade nem rastreamento de nenhum tipo. O app não carrega scripts, fontes ou redes de
            distribuição de conteúdo de terceiros: fora as próprias páginas do TikTok e sua foto de perfil, seu
            navegador só fala com o {productName}.
          </p>
        </>
      ),
    },
    {
      id: 'retention',
      title: 'Onde fica guardado e por quanto tempo',
      body: (
        <ul>
          <li>
            Seu token de acesso só é guardado durante sua sessão ativa, no <code>sessionStorage</code> do seu navegador
            para esta aba. Ele não vai para o armazenamento local, cookies ou qualquer outro banco de dados do
            navegador, e nunca é guardado nos nossos servidores. Ele é descartado quando você fecha a aba; cada aba tem
            sua própria sessão.
          </li>
          <li>
            Os vídeos são transmitidos ao TikTok e nunca gravados em disco nos nossos servidores. Nada de um vídeo é
            guardado depois do envio.
          </li>
          <li>Legendas e configurações de publicação vão para o TikTok com o vídeo e não são guardadas por nós.</li>
          <li>Quando o TikTok recebe sua publicação, vale para ela a política de privacidade do próprio TikTok.</li>
        </ul>
      ),
    },
    {
      id: 'disconnect',
      title: 'Desconectar o Content Studio Pro',
      body: (
        <>
          <p>
            <strong>No {productName}:</strong> escolha <em>Desconectar</em> no estúdio. Pedimos ao TikTok que revogue o
            token de acesso e apagamos a sessão da sua aba. Fechar a aba também descarta o token.
          </p>
          <p>
            <strong>No TikTok:</strong> o {productName} é só um cliente leve entre você e o TikTok, então o jeito mais
            seguro de retirar o acesso dele é removê-lo dos apps que você autorizou. No app do TikTok para celular, vá
            em:
          </p>
          <TikTokDisconnectSteps />
        </>
      ),
    },
    {
      id: 'rights',
      title: 'Seus direitos',
      body: (
        <>
          <p>
            Pela lei de proteção de dados aplicável, você tem o direito de acessar, corrigir ou pedir a exclusão dos
            seus dados pessoais, e de se opor ao tratamento deles. Escreva para <ContactEmailLink /> e responderemos.
            Como não guardamos nada depois da sua sessão, normalmente não há nada seu do nosso lado; os dados da sua
            conta ficam com o TikTok.
          </p>
          <p>Você também pode reclamar à autoridade de proteção de dados do lugar onde mora.</p>
        </>
      ),
    },
    {
      id: 'security',
      title: 'Segurança',
      body: (
        <ul>
          <li>Todo o tráfego usa HTTPS, e os navegadores são instruídos a exigi-lo (HSTS).</li>
          <li>
            O segredo de cliente do TikTok existe só como variável de ambiente do nosso servidor. Ele nunca é enviado ao
            seu navegador.
          </li>
          <li>Nosso servidor se recusa a iniciar se faltar algum dos seus segredos.</li>
        </ul>
      ),
    },
    {
      id: 'children',
      title: 'Crianças',
      body: (
        <p>
          O {productName} não se destina a menores de {minimumAge} anos, ou de {minimumAgeWhereRequired} anos onde a lei
          do seu país fixar essa idade. Não coletamos intencionalmente informações pessoais de crianças; se você acha
          que uma criança usou o serviço, fale conosco.
        </p>
      ),
    },
    {
      id: 'changes',
      title: 'Mudanças nesta política',
      body: (
        <p>
          Podemos atualizar esta política. A data de “Última atualização” no topo sempre mostra quando ela mudou pela
          última vez, e anunciamos mudanças importantes neste site.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Contato',
      body: (
        <p>
          Dúvidas sobre esta política ou sobre como o {productName} trata seus dados: <ContactEmailLink />. Veja também
          nossos <Link to={paths.terms.getHref()}>Termos de Serviço</Link>.
        </p>
      ),
    },
  ],
};
