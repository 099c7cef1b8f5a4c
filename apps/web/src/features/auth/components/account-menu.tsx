import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { isApiError } from '@/lib/api-error';
import { creatorMessage } from '@/lib/api-error-text';
import { useT } from '@/lib/i18n';
import { profileQueries } from '../api/profile-queries';
import { signOutOptions } from '../api/sign-out';
import { sessionStore, useAccounts, type Session } from '../session-store';
import { ProfileAvatar } from './profile-avatar';
import './account-menu.css';

export type AccountMenuProps = {
  /** The active account's session. */
  session: Session;
};

type AddState = { status: 'idle' } | { status: 'leaving' } | { status: 'failed'; error: unknown };

/**
 * Who is connected (avatar and display name of the active account, always visible) and a menu
 * button for what can be done with the connections: with several accounts, which one is active
 * (and switching to another), then adding another account and disconnecting the active one.
 * Follows the WAI-ARIA menu button pattern: Enter, Space or the arrow keys open it and focus an
 * item, arrows move between items, Escape closes it and returns focus to the button, Tab or a
 * click elsewhere closes it.
 */
export function AccountMenu({ session }: AccountMenuProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const accounts = useAccounts();
  const several = accounts.length > 1;
  const profile = useQuery(profileQueries.me(session.openId));
  // Every account's profile for the list; one account needs only its own, asked for above.
  const profiles = useQueries({
    queries: (several ? accounts : []).map((account) => profileQueries.me(account.openId)),
  });
  // The @username tells several accounts apart; it is asked for once, and only when not yet known.
  useQueries({
    queries: (several ? accounts : [])
      .filter((account) => !account.username && account.scopes.includes('video.publish'))
      .map((account) => profileQueries.handle(account.openId)),
  });
  const disconnect = useMutation(signOutOptions(queryClient));
  const [adding, setAdding] = useState<AddState>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonId = useId();
  const menuId = useId();
  const addErrorId = useId();

  const activeName = profile.data?.displayName ?? session.displayName;
  const name = activeName ?? (profile.isError ? t('account.profileFailed') : t('account.profileLoading'));

  useEffect(() => {
    if (!open) return;
    const items = menuItems(menuRef.current);
    (focusOnOpen === 'last' ? items.at(-1) : items[0])?.focus();
  }, [open, focusOnOpen]);

  useEffect(() => {
    if (!open) return;
    const closeIfOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeIfOutside);
    return () => document.removeEventListener('pointerdown', closeIfOutside);
  }, [open]);

  function openMenu(focus: 'first' | 'last') {
    setFocusOnOpen(focus);
    setOpen(true);
  }

  function closeMenu({ returnFocus }: { returnFocus: boolean }) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function switchTo(openId: string) {
    sessionStore.switchTo(openId);
    closeMenu({ returnFocus: true });
  }

  async function addAccount() {
    if (adding.status === 'leaving') return;
    setAdding({ status: 'leaving' });
    try {
      // The same consent page as the first sign-in; the callback adds the account to the others.
      const authorizeUrl = await (await import('../api/start-sign-in')).startSignIn(queryClient);
      window.location.assign(authorizeUrl);
    } catch (error) {
      setAdding({ status: 'failed', error });
    }
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = menuItems(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moveTo = (next: number) => {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return moveTo(index + 1);
      case 'ArrowUp':
        return moveTo(index - 1);
      case 'Home':
        return moveTo(0);
      case 'End':
        return moveTo(items.length - 1);
      case 'Escape':
        event.preventDefault();
        return closeMenu({ returnFocus: true });
      case 'Tab':
        // Let focus move on naturally; the menu just gets out of the way.
        return closeMenu({ returnFocus: false });
      default:
        return undefined;
    }
  }

  return (
    <div className="account-menu" ref={rootRef}>
      {/* The avatar sits outside the button so its alt text is its own; the button stretches
          over the whole chip, so a click on the avatar still opens the menu. */}
      <div className="account-menu__chip">
        {profile.data ? (
          <ProfileAvatar url={profile.data.avatarUrl} name={profile.data.displayName} refresh={profile.refetch} />
        ) : (
          <span className="avatar avatar--md avatar--placeholder" aria-hidden="true" />
        )}
        <button
          ref={buttonRef}
          id={buttonId}
          type="button"
          className="account-menu__button"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => (open ? closeMenu({ returnFocus: false }) : openMenu('first'))}
          onKeyDown={onButtonKeyDown}
        >
          <span className="account-menu__text">
            <span className="account-menu__label">{t('account.label')}</span>{' '}
            <span className="account-menu__name">{name}</span>
          </span>
          <svg className="account-menu__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </button>
      </div>

      <div className="account-menu__popover" hidden={!open}>
        <p className="account-menu__who">{t('account.tabOnly')}</p>
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          className="account-menu__list"
          onKeyDown={onMenuKeyDown}
        >
          {several ? (
            <li role="none">
              {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- inside a menu, a set of menuitemradio is an ARIA group; a fieldset would not be one to assistive technology */}
              <ul role="group" aria-label={t('accounts.listLabel')} className="account-menu__accounts">
                {accounts.map((account, index) => {
                  const data = profiles[index]?.data;
                  const accountName = data?.displayName ?? account.displayName ?? t('accounts.unnamed');
                  const active = account.openId === session.openId;
                  return (
                    <li role="none" key={account.openId}>
                      <button
                        type="button"
                        role="menuitemradio"
                        aria-checked={active}
                        tabIndex={-1}
                        className="account-menu__item account-menu__account"
                        onClick={() => switchTo(account.openId)}
                      >
                        <Avatar url={data?.avatarUrl} name={accountName} size="sm" decorative />
                        <span className="account-menu__account-text">
                          <span className="account-menu__account-name">{accountName}</span>
                          {account.username ? (
                            <span className="account-menu__account-handle">@{account.username}</span>
                          ) : null}
                        </span>
                        {/* aria-checked says it to a screen reader; the tick shows it. */}
                        {active ? (
                          <svg className="account-menu__tick" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                            <path d="M5 10.5l3.2 3.2L15 7" />
                          </svg>
                        ) : null}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ) : null}
          {profile.isError ? (
            <li role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="account-menu__item"
                onClick={() => void profile.refetch()}
              >
                {t('account.reloadProfile')}
              </button>
            </li>
          ) : null}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="account-menu__item"
              aria-disabled={adding.status === 'leaving' || undefined}
              aria-describedby={adding.status === 'failed' ? addErrorId : undefined}
              onClick={() => void addAccount()}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path d="M10 4v12M4 10h12" />
              </svg>
              {adding.status === 'leaving' ? t('accounts.opening') : t('accounts.add')}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="account-menu__item account-menu__item--danger"
              aria-disabled={disconnect.isPending || undefined}
              onClick={() => {
                if (disconnect.isPending) return;
                disconnect.mutate(session.openId, {
                  // With another account left, the studio stays: focus goes back where it was.
                  onSettled: () => closeMenu({ returnFocus: sessionStore.get() !== null }),
                });
              }}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M12 14l4-4-4-4M16 10H8" />
              </svg>
              {disconnect.isPending
                ? t('account.disconnecting')
                : several
                  ? t('accounts.disconnectNamed', { name: activeName ?? t('accounts.unnamed') })
                  : t('account.disconnect')}
            </button>
          </li>
        </ul>
        {adding.status === 'failed' ? (
          <p id={addErrorId} role="alert" className="account-menu__error">
            {/* Worded when shown, so it follows a change of language. */}
            {isApiError(adding.error) ? creatorMessage(adding.error) : t('accounts.addFailed')}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]')] : [];
}
