import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { ContactEmailLink } from '../components/contact-email-link';
import { TikTokDisconnectSteps } from '../components/tiktok-disconnect-steps';
import { formatPolicyMonth, type LegalText } from '../legal-text';
import { policyFacts } from '../policy-facts';

// A translation of the English original in components/terms-of-service.tsx, which is authoritative.

const { productName, minimumAge, minimumAgeWhereRequired } = policyFacts;

export const text: LegalText = {
  title: 'Termos de Serviço',
  updated: formatPolicyMonth(policyFacts.lastUpdatedIso, 'pt-BR'),
  labels: { lastUpdated: 'Última atualização:', inShort: 'Em resumo', onThisPage: 'Nesta página' },
  intro: (
    <p>
      Estes termos cobrem o seu uso do {productName}, o app web em {policyFacts.siteHost}, para publicar vídeos no
      TikTok.
    </p>
  ),
  summary: [
    <>Você publica seu próprio conteúdo na sua própria conta do TikTok; só enviamos quando você manda.</>,
    <>
      Não adicionamos marca d’água. Valem as regras do TikTok, a Music Usage Confirmation e a Branded Content Policy.
    </>,
    <>O serviço é oferecido sem garantia e pode mudar quando a API do TikTok mudar.</>,
    <>Desconecte quando quiser, no app ou em “Gerenciar apps” do TikTok.</>,
  ],
  sections: [
    {
      id: 'agreement',
      title: 'Aceitação destes termos',
      body: (
        <p>
          Ao conectar uma conta do TikTok ao {productName} ou usá-lo de qualquer outra forma, você aceita estes termos.
          Se não os aceitar, não use o serviço.
        </p>
      ),
    },
    {
      id: 'service',
      title: 'O que o serviço faz',
      body: (
        <>
          <p>
            O {productName} é uma ferramenta para enviar seus próprios vídeos ao TikTok. Depois que você conecta sua
            conta do TikTok, ele repassa ao TikTok o vídeo, a legenda e as configurações de publicação que você
            escolher, seja para publicar diretamente, seja para deixar como rascunho na sua caixa de entrada do TikTok,
            e depois mostra o que o TikTok informar sobre ele.
          </p>
          <p>
            O {productName} só age quando você manda: nada é enviado ao TikTok antes de você pedir. É uma ferramenta
            independente, sem vínculo com o TikTok e sem endosso do TikTok.
          </p>
        </>
      ),
    },
    {
      id: 'eligibility',
      title: 'Sua conta do TikTok',
      body: (
        <ul>
          <li>
            Você precisa ter sua própria conta do TikTok e poder usar o TikTok. O serviço não se destina a menores de{' '}
            {minimumAge} anos, ou de {minimumAgeWhereRequired} anos onde a lei do seu país fixar essa idade.
          </li>
          <li>
            Os Termos de Serviço e as Diretrizes da Comunidade do TikTok continuam valendo para tudo o que você publicar
            pelo {productName}.
          </li>
          <li>
            Você é responsável pelo dispositivo e pelo navegador de onde se conecta. Seu login dura só enquanto a aba do
            navegador estiver aberta.
          </li>
        </ul>
      ),
    },
    {
      id: 'content',
      title: 'Seu conteúdo',
      body: (
        <ul>
          <li>
            Publique só conteúdo original seu, ou conteúdo que você tenha pleno direito de publicar. Todos os direitos
            continuam seus; você só nos autoriza a transmiti-lo ao TikTok em seu nome.
          </li>
          <li>
            O {productName} não adiciona marcas d’água, logotipos ou marcas promocionais aos seus vídeos. O que você
            envia é o que o TikTok recebe.
          </li>
          <li>
            Você é responsável pelas suas legendas e pela divulgação de conteúdo comercial que escolher. Ao publicar,
            vale a Music Usage Confirmation do TikTok, e para conteúdo de marca vale a Branded Content Policy do TikTok.
          </li>
          <li>O TikTok decide se e quando uma publicação aparece, e pode levar alguns minutos para processá-la.</li>
        </ul>
      ),
    },
    {
      id: 'acceptable-use',
      title: 'Uso aceitável',
      body: (
        <>
          <p>Não use o {productName} para:</p>
          <ul>
            <li>publicar nada ilegal, ou nada que as regras do TikTok não permitam;</li>
            <li>publicar conteúdo que viole direitos autorais, marcas, privacidade ou outros direitos de terceiros;</li>
            <li>enviar spam, ou automatizar publicações num volume ou ritmo que o TikTok não permite;</li>
            <li>conectar ou publicar numa conta que você não tem direito de usar;</li>
            <li>
              sondar, sobrecarregar ou contornar a segurança ou os limites do {productName} ou do TikTok, ou atrapalhar
              o uso de qualquer um deles por outras pessoas.
            </li>
          </ul>
        </>
      ),
    },
    {
      id: 'privacy',
      title: 'Privacidade',
      body: (
        <p>
          Como tratamos suas informações, e as permissões do TikTok que pedimos, estão descritos na{' '}
          <Link to={paths.privacy.getHref()}>Política de Privacidade</Link>, que faz parte destes termos.
        </p>
      ),
    },
    {
      id: 'availability',
      title: 'Disponibilidade e mudanças no serviço',
      body: (
        <p>
          Trabalhamos para manter o {productName} funcionando bem, mas às vezes ele pode ficar indisponível, por exemplo
          durante uma manutenção ou quando os serviços do TikTok caem ou mudam. Podemos mudar, limitar ou encerrar
          recursos, inclusive quando o TikTok muda o que sua API permite.
        </p>
      ),
    },
    {
      id: 'warranty',
      title: 'Sem garantia, e limites de responsabilidade',
      body: (
        <>
          <p>
            O {productName} é oferecido “no estado em que se encontra” e “conforme disponível”, sem garantias de
            qualquer tipo, na medida em que a lei permitir. Não prometemos que todo envio dê certo nem que o TikTok
            aceite toda publicação.
          </p>
          <p>
            Na medida em que a lei permitir, não respondemos por perdas indiretas ou consequentes, nem pelas ações do
            TikTok. Nada nestes termos limita uma responsabilidade que a lei não permite limitar, nem tira direitos que
            você tem como consumidor onde mora.
          </p>
        </>
      ),
    },
    {
      id: 'ending',
      title: 'Desconexão e fim do uso',
      body: (
        <>
          <p>
            Você pode parar quando quiser: escolha <em>Desconectar</em> no estúdio ou feche a aba, o que descarta seu
            login. Para retirar também o acesso do {productName} no TikTok, no app do TikTok para celular, vá em:
          </p>
          <TikTokDisconnectSteps />
          <p>
            Podemos suspender ou encerrar o acesso ao {productName} de quem violar estes termos ou as regras do TikTok,
            ou para proteger o serviço e seus usuários.
          </p>
        </>
      ),
    },
    {
      id: 'changes',
      title: 'Mudanças nestes termos',
      body: (
        <p>
          Podemos atualizar estes termos. A data de “Última atualização” no topo mostra quando eles mudaram pela última
          vez, e anunciamos mudanças importantes neste site. Continuar usando o serviço depois de uma mudança significa
          aceitar os termos atualizados.
        </p>
      ),
    },
    {
      id: 'contact',
      title: 'Contato',
      body: (
        <p>
          Dúvidas sobre estes termos: <ContactEmailLink />.
        </p>
      ),
    },
  ],
};
