import { REQUESTED_SCOPES, endpoints, type CreatorInfo, type ErrorBody } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { mockCreatorInfo, nicoCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import { errorBody } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { setLocale } from '@/lib/i18n';
import { createTestQueryClient } from '@/testing/render-app';
import { recordRequests } from '@/testing/session-fixtures';
import type { ComposerSubmission } from '../composer-schema';
import { chooseVideo, descriptionOf, isBlocked, loadMetadata, postButton, videoFile } from '../test-utils';
import { Composer, type ComposerAccount } from './composer';

/** Three creators, each answered by the proxy according to the token a request carries. */
const CREATORS: Record<string, { openId: string; info: CreatorInfo }> = {
  'act.ava': { openId: 'open-ava', info: mockCreatorInfo },
  'act.nico': { openId: 'open-nico', info: nicoCreatorInfo },
  'act.pia': { openId: 'open-pia', info: piaCreatorInfo },
};

const tokensOf = (token: string): AccessTokenSource => ({
  getAccessToken: async () => token,
  rejected: () => undefined,
});

function account(token: string, scopes: readonly string[] = REQUESTED_SCOPES): ComposerAccount {
  const creator = CREATORS[token];
  if (!creator) throw new Error(`no creator for ${token}`);
  // Named as the session remembers the account, until its creator info is here.
  return { openId: creator.openId, grantedScopes: scopes, tokens: tokensOf(token), displayName: creator.info.nickname };
}

const bearerOf = (request: Request) => request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';

/** Creator info per token; `answer` overrides what one token gets. */
function answerCreatorInfo(answer: Record<string, () => Response> = {}) {
  server.use(
    http.get<never, never, CreatorInfo | ErrorBody>(endpoints.creatorInfo.path, ({ request }) => {
      const token = bearerOf(request);
      const special = answer[token];
      if (special) return special();
      const creator = CREATORS[token];
      return creator
        ? HttpResponse.json(creator.info)
        : HttpResponse.json(errorBody('UNAUTHENTICATED', 'Connect your TikTok account to continue.'), { status: 401 });
    }),
  );
}

const cannotPost = () =>
  HttpResponse.json<ErrorBody>(
    errorBody(
      'CREATOR_CANNOT_POST',
      'This TikTok account has reached its daily posting limit. Please try again later.',
    ),
    { status: 403 },
  );

function renderComposer(accounts: ComposerAccount[], defaultAccount = accounts[0]?.openId) {
  const onSubmit = vi.fn<(submission: ComposerSubmission, openId: string) => Promise<string>>(async () => 'job');
  const user = userEvent.setup();
  render(
    <StrictMode>
      <QueryClientProvider client={createTestQueryClient()}>
        <Composer accounts={accounts} defaultAccount={defaultAccount} onSubmit={onSubmit} />
      </QueryClientProvider>
    </StrictMode>,
  );
  return { user, onSubmit };
}

/** The chosen account's own settings block, found by its heading. */
async function block(name: RegExp): Promise<HTMLElement> {
  return screen.findByRole('region', { name });
}

function picker(): HTMLElement {
  return screen.getByRole('group', { name: 'Post to' });
}

async function tick(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(within(picker()).getByRole('checkbox', { name }));
}

function privacyIn(region: HTMLElement): HTMLSelectElement {
  return within(region).getByLabelText('Who can see this video') as HTMLSelectElement;
}

function blockers(): string[] {
  return descriptionOf(postButton('Post')).length === 0
    ? []
    : within(screen.getByRole('list', { name: 'Before you can send' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent ?? '');
}

describe('one video to several accounts', () => {
  it('offers every connected account, picks the active one, and asks each for its creator info with its own token', async () => {
    const requests = recordRequests();
    answerCreatorInfo();
    renderComposer([account('act.ava'), account('act.nico')], 'open-nico');

    const nico = await block(/^Nico NoComments @nico\.nocomments$/);
    const boxes = within(picker()).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((box) => [box.labels?.[0]?.textContent, box.checked])).toEqual([
      ['Ava Public@ava.creates', false],
      ['Nico NoComments@nico.nocomments', true],
    ]);
    expect(screen.queryByRole('region', { name: /^Ava Public/ })).toBeNull();
    expect(within(nico).getByText('This account can post videos up to 1:00 long.')).toBeTruthy();
    const calls = requests.seen.filter((r) => r.path === endpoints.creatorInfo.path);
    expect(calls.map((r) => r.request.headers.get('authorization')).sort()).toEqual([
      'Bearer act.ava',
      'Bearer act.nico',
    ]);
    // Nothing else leaves before Post.
    expect(requests.seen.every((r) => r.path === endpoints.creatorInfo.path)).toBe(true);
  });

  it('gives each chosen account its own TikTok rules: its audiences with none chosen, its interactions greyed where it turned them off', async () => {
    answerCreatorInfo();
    const { user } = renderComposer([account('act.nico'), account('act.pia')]);
    await block(/^Nico NoComments/);
    await tick(user, /Pia Private/);

    const nico = await block(/^Nico NoComments/);
    const pia = await block(/^Pia Private/);
    const options = (region: HTMLElement) =>
      [...privacyIn(region).options].filter((option) => !option.disabled).map((option) => option.textContent);
    expect(options(nico)).toEqual(['Everyone', 'Friends', 'Only me']);
    expect(options(pia)).toEqual(['Followers', 'Friends', 'Only me']);
    expect(privacyIn(nico).value).toBe('');
    expect(privacyIn(pia).value).toBe('');
    const box = (region: HTMLElement, name: string) =>
      within(region).getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box(nico, 'Allow Comment').disabled).toBe(true);
    expect(box(nico, 'Allow Duet').disabled).toBe(false);
    expect(box(pia, 'Allow Comment').disabled).toBe(false);
    expect(box(pia, 'Allow Duet').disabled).toBe(true);
    // The disclosure is each account's own too.
    await user.click(within(pia).getByRole('switch', { name: 'Disclose commercial content' }));
    expect(within(nico).getByRole('switch', { name: 'Disclose commercial content' }).getAttribute('aria-checked')).toBe(
      'false',
    );
  });

  it('waits for a choice on every chosen account, then sends one submission per account, each with its own settings', async () => {
    const requests = recordRequests();
    answerCreatorInfo();
    const { user, onSubmit } = renderComposer([account('act.ava'), account('act.pia')]);
    await block(/^Ava Public/);
    await tick(user, /Pia Private/);
    const ava = await block(/^Ava Public/);
    const pia = await block(/^Pia Private/);
    await chooseVideo(user, videoFile('launch.mp4'));
    await user.type(screen.getByRole('textbox', { name: 'Caption' }), 'One video, two accounts');
    await user.selectOptions(privacyIn(ava), 'Everyone');

    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(blockers()).toEqual(['Pia Private: Choose who can see this video.']);
    expect(within(pia).getByRole('list', { name: 'Before posting to Pia Private' }).textContent).toBe(
      'Choose who can see this video.',
    );
    expect(within(ava).getByText(/^Ready/)).toBeTruthy();

    await user.selectOptions(privacyIn(pia), 'Followers');
    await user.click(within(pia).getByRole('checkbox', { name: 'Allow Comment' }));
    expect(screen.getByText('Goes to Ava Public and Pia Private.')).toBeTruthy();
    await user.click(postButton('Post'));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    const byAccount = Object.fromEntries(onSubmit.mock.calls.map(([submission, openId]) => [openId, submission]));
    expect(byAccount['open-ava']).toMatchObject({
      mode: 'direct',
      creatorUsername: 'ava.creates',
      post: postSettings({ title: 'One video, two accounts', privacyLevel: 'PUBLIC_TO_EVERYONE', coverTimestampMs: 0 }),
    });
    expect(byAccount['open-pia']).toMatchObject({
      mode: 'direct',
      creatorUsername: 'pia.private',
      post: postSettings({
        title: 'One video, two accounts',
        privacyLevel: 'FOLLOWER_OF_CREATOR',
        allowComment: true,
        coverTimestampMs: 0,
      }),
    });
    // Each account's creator info was asked again, right before its post, with its own token.
    const again = requests.seen.filter((r) => r.path === endpoints.creatorInfo.path).slice(2);
    expect(again.map((r) => r.request.headers.get('authorization')).sort()).toEqual([
      'Bearer act.ava',
      'Bearer act.pia',
    ]);
    // Ready for the next video, still for both accounts.
    await waitFor(() => expect(screen.queryByLabelText(/^Preview of /)).toBeNull());
    expect((within(picker()).getAllByRole('checkbox') as HTMLInputElement[]).every((box) => box.checked)).toBe(true);
  });

  it('checks the video against each account’s own longest video: too long for one, it still goes to the other', async () => {
    answerCreatorInfo();
    const { user, onSubmit } = renderComposer([account('act.ava'), account('act.nico')]);
    await block(/^Ava Public/);
    await tick(user, /Nico NoComments/);
    await chooseVideo(user, videoFile('long.mp4'), { duration: 61 });

    const nico = await block(/^Nico NoComments/);
    expect(within(nico).getByRole('alert').textContent).toMatch(
      /This video is 1:01 long; your TikTok account can post videos up to 1:00\..*other chosen accounts still will/,
    );
    // The video itself is fine: it is this account's limit, not a problem of the video.
    expect(screen.queryByText("This video can't be posted yet:")).toBeNull();
    expect(screen.getByText(/^Not to Nico NoComments: This video is 1:01 long/)).toBeTruthy();
    // A cut to the shortest limit is offered, so it can go to both.
    expect(screen.getByRole('region', { name: /Cut it to 1:00/ })).toBeTruthy();

    await user.selectOptions(privacyIn(await block(/^Ava Public/)), 'Friends');
    expect(isBlocked(postButton('Post'))).toBe(false);
    await user.click(postButton('Post'));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[1]).toBe('open-ava');
  });

  it('shows an account that cannot post now as not getting the video, while the other goes on', async () => {
    answerCreatorInfo({ 'act.nico': cannotPost });
    const { user, onSubmit } = renderComposer([account('act.ava'), account('act.nico')]);
    await block(/^Ava Public/);
    await tick(user, /Nico NoComments/);

    const nico = await block(/^Nico/);
    const notice = await within(nico).findByRole('region', {
      name: "TikTok isn't accepting posts from this account right now",
    });
    expect(notice.textContent).toMatch(/daily posting limit/);
    expect(within(nico).queryByLabelText('Who can see this video')).toBeNull();

    await chooseVideo(user, videoFile('launch.mp4'));
    await user.selectOptions(privacyIn(await block(/^Ava Public/)), 'Friends');
    await user.click(postButton('Post'));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[1]).toBe('open-ava');
  });

  it('posts to the accounts whose last-moment check passed, keeps the refused one picked with the reason, and never sends twice', async () => {
    answerCreatorInfo();
    const { user, onSubmit } = renderComposer([account('act.ava'), account('act.nico')]);
    await block(/^Ava Public/);
    await tick(user, /Nico NoComments/);
    await chooseVideo(user, videoFile('launch.mp4'));
    await user.selectOptions(privacyIn(await block(/^Ava Public/)), 'Friends');
    await user.selectOptions(privacyIn(await block(/^Nico NoComments/)), 'Everyone');
    // Meanwhile Nico made the account private in TikTok: "Everyone" is gone.
    answerCreatorInfo({
      'act.nico': () => HttpResponse.json({ ...nicoCreatorInfo, privacyLevelOptions: ['SELF_ONLY'] }),
    });

    await user.click(postButton('Post'));

    const nico = await block(/^Nico NoComments/);
    expect((await within(nico).findByRole('alert')).textContent).toMatch(/audience options have just changed/);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[1]).toBe('open-ava');
    // Ava has the video: she is no longer picked, so pressing Post again cannot send it to her twice.
    const ava = within(picker()).getByRole('checkbox', { name: /Ava Public/ }) as HTMLInputElement;
    expect(ava.checked).toBe(false);
    expect(
      screen.getByText(/was added to the uploads of Ava Public\. The other chosen accounts did not get it/),
    ).toBeTruthy();
    expect(screen.getByLabelText(/^Preview of /)).toBeTruthy(); // the video stays for Nico

    await user.selectOptions(privacyIn(nico), 'Only me');
    await user.click(postButton('Post'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls.map(([, openId]) => openId)).toEqual(['open-ava', 'open-nico']);
  });

  it('needs at least one account, and says so', async () => {
    answerCreatorInfo();
    const { user } = renderComposer([account('act.ava'), account('act.nico')]);
    await block(/^Ava Public/);
    await chooseVideo(user, videoFile('launch.mp4'));

    await tick(user, /Ava Public/);

    expect(blockers()).toContain('Choose at least one account to post to.');
    expect(isBlocked(postButton('Post'))).toBe(true);
  });

  it('leaves out, for drafts, an account that did not allow uploading drafts', async () => {
    answerCreatorInfo();
    const { user, onSubmit } = renderComposer([
      account('act.ava'),
      account('act.nico', ['user.info.basic', 'video.publish']),
    ]);
    await block(/^Ava Public/);
    await tick(user, /Nico NoComments/);
    await user.click(screen.getByRole('radio', { name: /Send to TikTok inbox/ }));
    await chooseVideo(user, videoFile('launch.mp4'));

    const nico = await block(/^Nico NoComments/);
    expect(within(nico).getByText(/didn't allow uploading drafts/)).toBeTruthy();
    await user.click(postButton('Send draft'));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]).toEqual([expect.objectContaining({ mode: 'draft' }), 'open-ava']);
  });
});

describe('one video to several accounts, in another language', () => {
  it('says in German who gets the video, what each account still needs and why one is left out', async () => {
    await setLocale('de', { remember: false });
    answerCreatorInfo();
    const { user } = renderComposer([account('act.ava'), account('act.nico')]);
    await block(/^Ava Public/);
    await user.click(within(screen.getByRole('group', { name: 'Posten auf' })).getByRole('checkbox', { name: /Nico/ }));
    await user.upload(screen.getByLabelText('Video wählen'), videoFile('lang.mp4'));
    await loadMetadata({ duration: 61 });

    const nico = await block(/^Nico NoComments/);
    expect(within(nico).getByRole('alert').textContent).toBe(
      'Dieses Video ist 1:01 lang; dein TikTok-Konto kann Videos bis 1:00 posten.' +
        'Dieses Konto bekommt das Video nicht; die anderen gewählten Konten schon.',
    );
    const ava = await block(/^Ava Public/);
    expect(within(ava).getByText('Dieses Konto kann Videos bis 10:00 Länge posten.')).toBeTruthy();
    expect(within(ava).getByRole('list', { name: 'Bevor auf Ava Public gepostet werden kann' }).textContent).toBe(
      'Wähle, wer dieses Video sehen kann.',
    );
    expect(
      within(screen.getByRole('list', { name: 'Bevor du senden kannst' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Ava Public: Wähle, wer dieses Video sehen kann.']);
    expect(screen.getByText(/^Nicht an Nico NoComments: Dieses Video ist 1:01 lang/)).toBeTruthy();

    await user.selectOptions(within(ava).getByLabelText('Wer dieses Video sehen kann'), 'Freunde');
    expect(within(ava).getByText(/^Bereit: Dieses Konto bekommt das Video/)).toBeTruthy();
    expect(screen.getByText('Geht an Ava Public.')).toBeTruthy();
    expect(isBlocked(screen.getByRole('button', { name: 'Posten' }))).toBe(false);
  });
});
