/** What an avatar shows without a photo: the given name (last two characters) of a Chinese name. */
export function avatarText(name: string): string {
  const n = name.trim()
  if (!n) return '?'
  // Latin names: initials.
  if (/^[\x20-\x7e]+$/.test(n)) {
    return n
      .split(/\s+/)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('')
      .slice(0, 2)
  }
  const chars = [...n]
  return chars.length <= 2 ? n : chars.slice(-2).join('')
}
