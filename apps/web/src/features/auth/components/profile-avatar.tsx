import { Avatar } from '@/components/ui/avatar';

export type ProfileAvatarProps = {
  url: string | undefined;
  name: string;
};

/** The connected account's avatar in the studio header; its alt text names the account. */
export function ProfileAvatar({ url, name }: ProfileAvatarProps) {
  return <Avatar url={url} name={name} />;
}
