import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '@/lib/i18n';
import { profileQueries } from '../api/profile-queries';
import { signOutOptions } from '../api/sign-out';
import type { Session } from '../session-store';
import { ProfileAvatar } from './profile-avatar';
import './account-menu.css';

export type AccountMenuProps = {
  session: Session;
};

/**
 * Who is connected (avatar and display name, always visible) and a menu button for what can be
 * done with the connection. Follows the WAI-ARIA menu button pattern: Enter, Space or the arrow
 * keys open it and focus an item, arrows move between items, Escape closes it and returns focus
 * to the button, Tab or a click elsewhere closes it.
 */
export function AccountMenu({ session }: AccountMenuProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const profile = useQuery(profileQueries.me(session.openId));
  const disconnect = useMutation(signOutOptions(queryClient));
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonId = useId();
  const menuId = useId();

  const name =
    profile.data?.displayName ?? (profile.isError ? t('account.profileFailed') : t('account.profileLoading'));

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
              className="account-menu__item account-menu__item--danger"
              aria-disabled={disconnect.isPending || undefined}
              onClick={() => {
                if (!disconnect.isPending) disconnect.mutate();
              }}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M12 14l4-4-4-4M16 10H8" />
              </svg>
              {disconnect.isPending ? t('account.disconnecting') : t('account.disconnect')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
}
