// Messages shared by everything that prints or exports.

/** The warning when the font lacks some characters of the cards. Empty when nothing is missing. */
export function missingCharsMessage(chars: readonly string[]): string {
  if (!chars.length) return ''
  return `以下字符字体中没有，已用〓代替：${chars.join(' ')}`
}
