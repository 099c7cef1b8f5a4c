import { Card } from '@/components/ui/card';
import { Link } from 'react-router';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import './callback-status.css';

/**
 * What TikTok's redirect lands on while the sign-in is being completed. The status region is what
 * assistive technology announces; the spinner is decoration.
 */
export function CallbackStatus() {
  return (
    <Card className="callback-status">
      <Spinner size="lg" />
      <h1 className="callback-status__title">Connecting to TikTok</h1>
      {/* <output> is a status live region (implicit role="status"). */}
      <output className="callback-status__message">Connecting… finishing your sign-in with TikTok.</output>
      <p className="callback-status__help">
        Taking too long? <Link to={paths.home.getHref()}>Go back to the home page</Link> and connect again.
      </p>
    </Card>
  );
}
