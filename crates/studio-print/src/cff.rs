//! A subsetter for CID-keyed CFF fonts (the outlines of Noto Serif SC), written for
//! speed on one fixed font: located once, then each document gets a compact CFF with
//! only its glyphs.
//!
//! The output keeps every glyph's original CID (charset) so codes stay valid, keeps only
//! the Font DICTs its glyphs use, and has **no subroutines**: calls are inlined
//! ("desubroutinized"). The font's subroutine tables are huge and sparse for a
//! document (24,186 local subroutines in the ideograph Font DICT, of which a card uses
//! ~1,300); keeping their numbering would mean writing, compressing and re-parsing
//! offset arrays of that length for every document, and renumbering them needs the
//! same charstring walk as inlining does. CFF reference: Adobe TN #5176 (CFF) and
//! #5177 (Type 2 charstrings).

use std::fmt;

/// Why the font could not be read or subset. Internal: mapped to `PrintError`.
#[derive(Debug)]
pub(crate) struct CffError(&'static str);

impl fmt::Display for CffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

type Result<T> = std::result::Result<T, CffError>;

fn err<T>(what: &'static str) -> Result<T> {
    Err(CffError(what))
}

/// A read-only view of a CFF INDEX.
#[derive(Clone, Copy)]
struct Index<'a> {
    count: usize,
    off_size: usize,
    offsets: &'a [u8],
    data: &'a [u8],
    /// Total length of the INDEX in bytes.
    len: usize,
}

impl<'a> Index<'a> {
    fn parse(bytes: &'a [u8], at: usize) -> Result<Self> {
        let b = bytes.get(at..).ok_or(CffError("INDEX 越界"))?;
        if b.len() < 2 {
            return err("INDEX 截断");
        }
        let count = usize::from(u16::from_be_bytes([b[0], b[1]]));
        if count == 0 {
            return Ok(Index {
                count,
                off_size: 1,
                offsets: &[],
                data: &[],
                len: 2,
            });
        }
        let off_size = usize::from(*b.get(2).ok_or(CffError("INDEX 截断"))?);
        if !(1..=4).contains(&off_size) {
            return err("INDEX offSize 无效");
        }
        let offsets_end = 3 + (count + 1) * off_size;
        let offsets = b.get(3..offsets_end).ok_or(CffError("INDEX 截断"))?;
        let mut index = Index {
            count,
            off_size,
            offsets,
            data: &[],
            len: 0,
        };
        let data_len = index.offset(count) - 1;
        index.data = b
            .get(offsets_end..offsets_end + data_len)
            .ok_or(CffError("INDEX 截断"))?;
        index.len = offsets_end + data_len;
        Ok(index)
    }

    fn offset(&self, i: usize) -> usize {
        self.offsets[i * self.off_size..(i + 1) * self.off_size]
            .iter()
            .fold(0, |acc, &b| (acc << 8) | usize::from(b))
    }

    fn get(&self, i: usize) -> Option<&'a [u8]> {
        if i >= self.count {
            return None;
        }
        let (start, end) = (self.offset(i), self.offset(i + 1));
        self.data.get(start.checked_sub(1)?..end.checked_sub(1)?)
    }
}

/// Bytes per offset in an INDEX whose last offset is `last` (data length + 1).
fn off_size(last: usize) -> usize {
    match last {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    }
}

/// Serialises an INDEX of `items`.
fn write_index(out: &mut Vec<u8>, items: &[&[u8]]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    if items.is_empty() {
        return;
    }
    let off_size = off_size(items.iter().map(|i| i.len()).sum::<usize>() + 1);
    out.push(off_size as u8);
    let mut offset = 1usize;
    let push_offset = |out: &mut Vec<u8>, v: usize| {
        out.extend_from_slice(&(v as u32).to_be_bytes()[4 - off_size..]);
    };
    push_offset(out, offset);
    for item in items {
        offset += item.len();
        push_offset(out, offset);
    }
    for item in items {
        out.extend_from_slice(item);
    }
}

/// One DICT entry: its operator and the raw bytes (operands and operator) it came from.
struct Entry<'a> {
    op: u16,
    raw: &'a [u8],
    ints: Vec<i32>,
}

/// Two-byte operators are `12 x`, stored as `1200 + x`.
const OP_CHARSET: u16 = 15;
const OP_ENCODING: u16 = 16;
const OP_CHARSTRINGS: u16 = 17;
const OP_PRIVATE: u16 = 18;
const OP_SUBRS: u16 = 19;
const OP_ROS: u16 = 1230;
const OP_FDARRAY: u16 = 1236;
const OP_FDSELECT: u16 = 1237;

fn parse_dict(bytes: &[u8]) -> Result<Vec<Entry<'_>>> {
    let mut entries = Vec::new();
    let mut start = 0;
    let mut ints = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i];
        match b0 {
            0..=21 => {
                let op = if b0 == 12 {
                    i += 1;
                    1200 + u16::from(*bytes.get(i).ok_or(CffError("DICT 截断"))?)
                } else {
                    u16::from(b0)
                };
                i += 1;
                entries.push(Entry {
                    op,
                    raw: &bytes[start..i],
                    ints: std::mem::take(&mut ints),
                });
                start = i;
            }
            28 | 29 => {
                let n = if b0 == 28 { 2 } else { 4 };
                let v = bytes.get(i + 1..i + 1 + n).ok_or(CffError("DICT 截断"))?;
                ints.push(if n == 2 {
                    i32::from(i16::from_be_bytes([v[0], v[1]]))
                } else {
                    i32::from_be_bytes([v[0], v[1], v[2], v[3]])
                });
                i += 1 + n;
            }
            30 => {
                // Real number: nibbles up to and including an 0xF terminator.
                i += 1;
                loop {
                    let b = *bytes.get(i).ok_or(CffError("DICT 截断"))?;
                    i += 1;
                    if b & 0x0F == 0x0F || b >> 4 == 0x0F {
                        break;
                    }
                }
                ints.push(0);
            }
            32..=246 => {
                ints.push(i32::from(b0) - 139);
                i += 1;
            }
            247..=254 => {
                let b1 = i32::from(*bytes.get(i + 1).ok_or(CffError("DICT 截断"))?);
                ints.push(if b0 <= 250 {
                    (i32::from(b0) - 247) * 256 + b1 + 108
                } else {
                    -(i32::from(b0) - 251) * 256 - b1 - 108
                });
                i += 2;
            }
            _ => return err("DICT 含保留字节"),
        }
    }
    Ok(entries)
}

/// Copies `dict` without the entries for `drop`.
fn dict_without(dict: &[Entry<'_>], drop: &[u16]) -> Vec<u8> {
    dict.iter()
        .filter(|e| !drop.contains(&e.op))
        .flat_map(|e| e.raw.iter().copied())
        .collect()
}

/// Appends `op` with integer operands in the fixed five-byte form, so a DICT's size
/// does not depend on the offsets written into it.
fn push_op(out: &mut Vec<u8>, op: u16, operands: &[usize]) {
    for &v in operands {
        out.push(29);
        out.extend_from_slice(&(v as i32).to_be_bytes());
    }
    if op >= 1200 {
        out.extend_from_slice(&[12, (op - 1200) as u8]);
    } else {
        out.push(op as u8);
    }
}

fn find<'e, 'a>(dict: &'e [Entry<'a>], op: u16) -> Option<&'e Entry<'a>> {
    dict.iter().find(|e| e.op == op)
}

/// One Font DICT of the source font, ready to copy.
struct FontDict {
    /// The Font DICT without its Private entry.
    font_dict: Vec<u8>,
    /// The Private DICT without its Subrs entry (subroutines are inlined).
    private: Vec<u8>,
    subrs: Option<Index<'static>>,
}

/// The source font's CFF table, located once.
pub(crate) struct SourceCff {
    header: &'static [u8],
    name_index: &'static [u8],
    string_index: &'static [u8],
    /// The Top DICT without the entries whose offsets change.
    top_dict: Vec<u8>,
    global_subrs: Index<'static>,
    charstrings: Index<'static>,
    /// CID of every glyph (`charset[0]` is .notdef, CID 0).
    charset: Vec<u16>,
    /// Font DICT index of every glyph.
    fd_select: Vec<u8>,
    fonts: Vec<FontDict>,
}

impl SourceCff {
    pub fn parse(cff: &'static [u8]) -> Result<Self> {
        let header_size = usize::from(*cff.get(2).ok_or(CffError("CFF 头截断"))?);
        let header = cff.get(..header_size).ok_or(CffError("CFF 头截断"))?;
        let name = Index::parse(cff, header_size)?;
        let top_index = Index::parse(cff, header_size + name.len)?;
        let strings_at = header_size + name.len + top_index.len;
        let strings = Index::parse(cff, strings_at)?;
        let global_subrs = Index::parse(cff, strings_at + strings.len)?;
        if name.count != 1 {
            return err("CFF 须只含一个字体");
        }
        let top = parse_dict(top_index.get(0).ok_or(CffError("缺少 Top DICT"))?)?;
        if find(&top, OP_ROS).is_none() {
            return err("不是 CID 字体");
        }
        let offset_of = |op| -> Result<usize> {
            let e = find(&top, op).ok_or(CffError("Top DICT 缺项"))?;
            usize::try_from(*e.ints.last().ok_or(CffError("Top DICT 缺值"))?)
                .map_err(|_| CffError("偏移无效"))
        };
        let charstrings = Index::parse(cff, offset_of(OP_CHARSTRINGS)?)?;
        let n = charstrings.count;
        let charset = read_charset(cff, offset_of(OP_CHARSET)?, n)?;
        let fd_select = read_fd_select(cff, offset_of(OP_FDSELECT)?, n)?;
        let fd_array = Index::parse(cff, offset_of(OP_FDARRAY)?)?;
        let mut fonts = Vec::with_capacity(fd_array.count);
        for i in 0..fd_array.count {
            let dict = parse_dict(fd_array.get(i).ok_or(CffError("FDArray 截断"))?)?;
            let private = find(&dict, OP_PRIVATE).ok_or(CffError("缺少 Private DICT"))?;
            let [size, offset] = private.ints[..] else {
                return err("Private 项无效");
            };
            let (size, offset) = (size as usize, offset as usize);
            let private_bytes = cff
                .get(offset..offset + size)
                .ok_or(CffError("Private DICT 越界"))?;
            let private_dict = parse_dict(private_bytes)?;
            let subrs = match find(&private_dict, OP_SUBRS) {
                Some(e) => Some(Index::parse(cff, offset + e.ints[0] as usize)?),
                None => None,
            };
            fonts.push(FontDict {
                font_dict: dict_without(&dict, &[OP_PRIVATE]),
                private: dict_without(&private_dict, &[OP_SUBRS]),
                subrs,
            });
        }
        if fd_select.iter().any(|&fd| usize::from(fd) >= fonts.len()) {
            return err("FDSelect 越界");
        }
        Ok(SourceCff {
            header,
            name_index: &cff[header_size..header_size + name.len],
            string_index: &cff[strings_at..strings_at + strings.len],
            top_dict: dict_without(
                &top,
                &[
                    OP_CHARSTRINGS,
                    OP_CHARSET,
                    OP_FDARRAY,
                    OP_FDSELECT,
                    OP_ENCODING,
                    OP_PRIVATE,
                ],
            ),
            global_subrs,
            charstrings,
            charset,
            fd_select,
            fonts,
        })
    }

    /// The CID of glyph `gid` (0 for glyphs outside the font).
    pub fn cid(&self, gid: u16) -> u16 {
        self.charset.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// A CFF table with the glyphs `gids` (ascending, starting with 0), renumbered
    /// 0, 1, 2… in that order.
    pub fn subset(&self, gids: &[u16]) -> Result<Vec<u8>> {
        if gids.first() != Some(&0) {
            return err("子集须以 .notdef 开头");
        }
        // Font DICTs in use, renumbered in order of first appearance.
        let mut fd_map = vec![u8::MAX; self.fonts.len()];
        let mut used_fds: Vec<usize> = Vec::new();
        let mut fd_select = Vec::with_capacity(gids.len());
        let mut charstrings: Vec<Vec<u8>> = Vec::with_capacity(gids.len());
        for &gid in gids {
            let gid = usize::from(gid);
            let fd = usize::from(*self.fd_select.get(gid).ok_or(CffError("字形号越界"))?);
            if fd_map[fd] == u8::MAX {
                fd_map[fd] = used_fds.len() as u8;
                used_fds.push(fd);
            }
            fd_select.push(fd_map[fd]);
            charstrings.push(self.flatten(gid, fd)?);
        }

        let mut out = Vec::with_capacity(charstrings.iter().map(Vec::len).sum::<usize>() + 4096);
        out.extend_from_slice(self.header);
        out.extend_from_slice(self.name_index);
        // Top DICT INDEX: its size is fixed before the offsets are known (5-byte ints),
        // and it is written with a 2-byte offSize: count, offSize, two offsets, data.
        let top_len = self.top_dict(0, 0, 0, 0).len();
        let after_top = out.len() + 2 + 1 + 2 * 2 + top_len;
        let mut tail = Vec::new(); // everything after the Top DICT INDEX, from `after_top`
        tail.extend_from_slice(self.string_index);
        write_index(&mut tail, &[]); // no global subroutines
        let charstrings_at = after_top + tail.len();
        let refs: Vec<&[u8]> = charstrings.iter().map(Vec::as_slice).collect();
        write_index(&mut tail, &refs);
        let charset_at = after_top + tail.len();
        tail.push(0); // format 0: one CID per glyph after .notdef
        for &gid in &gids[1..] {
            tail.extend_from_slice(&self.charset[usize::from(gid)].to_be_bytes());
        }
        let fd_select_at = after_top + tail.len();
        tail.push(0); // format 0: one Font DICT index per glyph
        tail.extend_from_slice(&fd_select);
        // Private DICTs first, so the Font DICTs can point at them.
        let fd_array_len = {
            let dicts: Vec<usize> = used_fds
                .iter()
                .map(|&fd| self.fonts[fd].font_dict.len() + 11)
                .collect();
            let data: usize = dicts.iter().sum();
            2 + 1 + (dicts.len() + 1) * off_size(data + 1) + data
        };
        let fd_array_at = after_top + tail.len();
        let mut private_at = fd_array_at + fd_array_len;
        let mut font_dicts: Vec<Vec<u8>> = Vec::with_capacity(used_fds.len());
        let mut privates = Vec::new();
        for &fd in &used_fds {
            let font = &self.fonts[fd];
            let mut dict = font.font_dict.clone();
            push_op(&mut dict, OP_PRIVATE, &[font.private.len(), private_at]);
            font_dicts.push(dict);
            privates.extend_from_slice(&font.private);
            private_at += font.private.len();
        }
        let refs: Vec<&[u8]> = font_dicts.iter().map(Vec::as_slice).collect();
        write_index(&mut tail, &refs);
        debug_assert_eq!(after_top + tail.len(), fd_array_at + fd_array_len);
        tail.extend_from_slice(&privates);

        let top = self.top_dict(charstrings_at, charset_at, fd_select_at, fd_array_at);
        debug_assert_eq!(top.len(), top_len);
        out.extend_from_slice(&1u16.to_be_bytes());
        out.push(2);
        out.extend_from_slice(&1u16.to_be_bytes());
        out.extend_from_slice(&((top.len() + 1) as u16).to_be_bytes());
        out.extend_from_slice(&top);
        out.extend_from_slice(&tail);
        Ok(out)
    }

    fn top_dict(
        &self,
        charstrings: usize,
        charset: usize,
        fd_select: usize,
        fd_array: usize,
    ) -> Vec<u8> {
        let mut top = self.top_dict.clone();
        push_op(&mut top, OP_CHARSTRINGS, &[charstrings]);
        push_op(&mut top, OP_CHARSET, &[charset]);
        push_op(&mut top, OP_FDSELECT, &[fd_select]);
        push_op(&mut top, OP_FDARRAY, &[fd_array]);
        top
    }

    /// Glyph `gid`'s charstring with every subroutine call inlined.
    fn flatten(&self, gid: usize, fd: usize) -> Result<Vec<u8>> {
        let charstring = self.charstrings.get(gid).ok_or(CffError("字形号越界"))?;
        let mut walker = Flattener {
            global: self.global_subrs,
            local: self.fonts[fd].subrs,
            out: Vec::with_capacity(charstring.len() * 3),
            args: 0,
            stems: 0,
            last_number: None,
        };
        walker.run(charstring, 0)?;
        Ok(walker.out)
    }
}

fn read_charset(cff: &[u8], at: usize, n: usize) -> Result<Vec<u16>> {
    let mut cids = Vec::with_capacity(n);
    cids.push(0);
    let b = cff.get(at..).ok_or(CffError("charset 越界"))?;
    let u16_at = |i: usize| -> Result<u16> {
        b.get(i..i + 2)
            .map(|s| u16::from_be_bytes([s[0], s[1]]))
            .ok_or(CffError("charset 截断"))
    };
    match b.first() {
        Some(0) => {
            for i in 1..n {
                cids.push(u16_at(1 + (i - 1) * 2)?);
            }
        }
        Some(&format @ (1 | 2)) => {
            let range_len = if format == 1 { 3 } else { 4 };
            let mut at = 1;
            while cids.len() < n {
                let first = u16_at(at)?;
                let left = if format == 1 {
                    u16::from(*b.get(at + 2).ok_or(CffError("charset 截断"))?)
                } else {
                    u16_at(at + 2)?
                };
                cids.extend((0..=left).map(|k| first.wrapping_add(k)));
                at += range_len;
            }
            cids.truncate(n);
        }
        _ => return err("charset 格式无效"),
    }
    Ok(cids)
}

fn read_fd_select(cff: &[u8], at: usize, n: usize) -> Result<Vec<u8>> {
    let b = cff.get(at..).ok_or(CffError("FDSelect 越界"))?;
    match b.first() {
        Some(0) => Ok(b.get(1..1 + n).ok_or(CffError("FDSelect 截断"))?.to_vec()),
        Some(3) => {
            let ranges = usize::from(u16::from_be_bytes([b[1], b[2]]));
            let mut fds = vec![0u8; n];
            let gid_at = |i: usize| usize::from(u16::from_be_bytes([b[3 + i * 3], b[4 + i * 3]]));
            if b.len() < 3 + ranges * 3 + 2 {
                return err("FDSelect 截断");
            }
            for r in 0..ranges {
                let (first, fd) = (gid_at(r), b[5 + r * 3]);
                let end = gid_at(r + 1).min(n);
                if first < end {
                    fds[first..end].fill(fd);
                }
            }
            Ok(fds)
        }
        _ => err("FDSelect 格式无效"),
    }
}

/// Walks a Type 2 charstring, copying it to `out` with subroutine calls replaced by the
/// subroutines' bodies. It has to track the stem hints to know how many mask bytes
/// follow each `hintmask`/`cntrmask`; nothing else about the glyph is interpreted.
struct Flattener<'a> {
    global: Index<'a>,
    local: Option<Index<'a>>,
    out: Vec<u8>,
    /// Operands on the stack since the last operator.
    args: usize,
    stems: usize,
    /// Value and position in `out` of the most recent operand, if the last token was
    /// one: the subroutine number of a call.
    last_number: Option<(i32, usize)>,
}

/// Type 2 charstring operators (one byte; `12` escapes a second byte).
const HSTEM: u8 = 1;
const VSTEM: u8 = 3;
const CALLSUBR: u8 = 10;
const RETURN: u8 = 11;
const ESCAPE: u8 = 12;
const ENDCHAR: u8 = 14;
const HSTEMHM: u8 = 18;
const HINTMASK: u8 = 19;
const CNTRMASK: u8 = 20;
const VSTEMHM: u8 = 23;
const CALLGSUBR: u8 = 29;

fn bias(count: usize) -> i32 {
    match count {
        0..=1239 => 107,
        1240..=33899 => 1131,
        _ => 32768,
    }
}

/// Whether the walk reached `endchar`.
enum Flow {
    Return,
    End,
}

impl Flattener<'_> {
    fn run(&mut self, code: &[u8], depth: usize) -> Result<Flow> {
        // TN #5177 limits subroutine nesting to 10 levels.
        if depth > 10 {
            return err("子程序嵌套过深");
        }
        let mut i = 0;
        while i < code.len() {
            let b0 = code[i];
            match b0 {
                28 | 32..=255 => {
                    let len = match b0 {
                        28 => 3,
                        32..=246 => 1,
                        247..=254 => 2,
                        _ => 5,
                    };
                    let token = code.get(i..i + len).ok_or(CffError("字形程序截断"))?;
                    let value = match b0 {
                        28 => i32::from(i16::from_be_bytes([token[1], token[2]])),
                        32..=246 => i32::from(b0) - 139,
                        247..=250 => (i32::from(b0) - 247) * 256 + i32::from(token[1]) + 108,
                        251..=254 => -(i32::from(b0) - 251) * 256 - i32::from(token[1]) - 108,
                        // 16.16 fixed: the integer part is enough to spot a subroutine number.
                        _ => i32::from_be_bytes([token[1], token[2], token[3], token[4]]) >> 16,
                    };
                    self.last_number = Some((value, self.out.len()));
                    self.out.extend_from_slice(token);
                    self.args += 1;
                    i += len;
                }
                CALLSUBR | CALLGSUBR => {
                    let (number, at) = self
                        .last_number
                        .take()
                        .ok_or(CffError("子程序号不是常数"))?;
                    self.out.truncate(at);
                    self.args -= 1;
                    let index = if b0 == CALLSUBR {
                        self.local.ok_or(CffError("缺少局部子程序"))?
                    } else {
                        self.global
                    };
                    let n = usize::try_from(number + bias(index.count))
                        .map_err(|_| CffError("子程序号无效"))?;
                    let body = index.get(n).ok_or(CffError("子程序号越界"))?;
                    i += 1;
                    if let Flow::End = self.run(body, depth + 1)? {
                        return Ok(Flow::End);
                    }
                }
                RETURN => return Ok(Flow::Return),
                ENDCHAR => {
                    self.out.push(b0);
                    return Ok(Flow::End);
                }
                HSTEM | VSTEM | HSTEMHM | VSTEMHM => {
                    self.stems += self.args / 2;
                    self.operator(&[b0]);
                    i += 1;
                }
                HINTMASK | CNTRMASK => {
                    // Operands before the first hintmask are an implicit vstem.
                    self.stems += self.args / 2;
                    let mask = self.stems.div_ceil(8);
                    let bytes = code.get(i..i + 1 + mask).ok_or(CffError("字形程序截断"))?;
                    self.operator(bytes);
                    i += 1 + mask;
                }
                ESCAPE => {
                    let b1 = *code.get(i + 1).ok_or(CffError("字形程序截断"))?;
                    // Only the four flex operators are path operators; the rest are the
                    // arithmetic/storage operators, which would make the operand count
                    // (and so the hint count) unknowable. Noto CJK uses none of them
                    // (tested over every glyph).
                    if !(34..=37).contains(&b1) {
                        return err("不支持的字形程序运算符");
                    }
                    self.operator(&[b0, b1]);
                    i += 2;
                }
                _ => {
                    self.operator(&[b0]);
                    i += 1;
                }
            }
        }
        // Running off the end of a subroutine is an implicit return.
        Ok(Flow::Return)
    }

    /// Copies a stack-clearing operator.
    fn operator(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
        self.args = 0;
        self.last_number = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::FONT_BYTES;

    fn source() -> SourceCff {
        let face = ttf_parser::Face::parse(FONT_BYTES, 0).unwrap();
        let cff = face
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"CFF "))
            .unwrap();
        SourceCff::parse(cff).unwrap()
    }

    #[test]
    fn index_round_trips() {
        let items: [&[u8]; 3] = [b"a", b"", b"xyz"];
        let mut bytes = vec![9, 9];
        write_index(&mut bytes, &items);
        let index = Index::parse(&bytes, 2).unwrap();
        assert_eq!(index.count, 3);
        assert_eq!(index.len, bytes.len() - 2);
        for (i, item) in items.iter().enumerate() {
            assert_eq!(index.get(i).unwrap(), *item);
        }
    }

    #[test]
    fn every_glyph_of_the_font_flattens() {
        let cff = source();
        for gid in 0..cff.charstrings.count {
            let fd = usize::from(cff.fd_select[gid]);
            let flat = cff
                .flatten(gid, fd)
                .unwrap_or_else(|e| panic!("gid {gid}: {e}"));
            assert_eq!(flat.last(), Some(&ENDCHAR), "gid {gid}");
        }
    }
}
