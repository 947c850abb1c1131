//! The sections of a wasm module as bytes, for edits that must leave every other byte as
//! wasm-opt wrote it (a module emitted anew by walrus has its functions in another order).

/// The id of custom sections (names, producers, target features, …), which no engine needs.
pub const CUSTOM_SECTION: u8 = 0;

/// A section of a wasm module: its id and its bytes.
pub struct Section<'a> {
    pub id: u8,
    pub contents: &'a [u8],
}

/// The sections of the module `wasm`, in order.
pub fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>, String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut at = 8;
    let mut sections = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)? as usize;
        let contents = wasm.get(at..at + size).ok_or("a section runs past the module's end")?;
        sections.push(Section { id, contents });
        at += size;
    }
    Ok(sections)
}

/// The module of `sections`, in this order.
pub fn module(sections: &[Section<'_>]) -> Vec<u8> {
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    for section in sections {
        wasm.push(section.id);
        push_leb(&mut wasm, section.contents.len() as u64);
        wasm.extend_from_slice(section.contents);
    }
    wasm
}

/// `wasm` without its custom sections.
pub fn without_custom_sections(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let sections: Vec<Section<'_>> = sections(wasm)?.into_iter().filter(|section| section.id != CUSTOM_SECTION).collect();
    Ok(module(&sections))
}

/// Reads the unsigned LEB128 number at `at` in `bytes`, moving `at` past it.
pub fn read_leb(bytes: &[u8], at: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at).ok_or("a number runs past the module's end")?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a number of more than 64 bits".into())
}

pub fn push_leb(bytes: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(byte);
            return;
        }
        bytes.push(byte | 0x80);
    }
}

/// A name as wasm writes one: its length in bytes, then its UTF-8.
pub fn push_name(bytes: &mut Vec<u8>, name: &str) {
    push_leb(bytes, name.len() as u64);
    bytes.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_a_module_as_it_was_but_for_its_custom_sections() {
        // A type section (one function type, () -> ()), a custom section "x" holding "y",
        // a function section and a code section of one empty body.
        let wasm = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0\0\x03\x01xy\x03\x02\x01\0\x0a\x04\x01\x02\0\x0b";
        let parsed = sections(wasm).unwrap();
        assert_eq!(parsed.iter().map(|section| section.id).collect::<Vec<_>>(), [1, 0, 3, 10]);
        assert_eq!(module(&parsed), wasm);
        let stripped = without_custom_sections(wasm).unwrap();
        assert_eq!(stripped.len(), wasm.len() - 5);
        assert!(wasmparser::Validator::new().validate_all(&stripped).is_ok());
    }

    #[test]
    fn reads_and_writes_leb128() {
        for value in [0, 1, 127, 128, 300, 624_485, u64::from(u32::MAX)] {
            let mut bytes = Vec::new();
            push_leb(&mut bytes, value);
            let mut at = 0;
            assert_eq!(read_leb(&bytes, &mut at), Ok(value));
            assert_eq!(at, bytes.len());
        }
        assert!(read_leb(&[0x80], &mut 0).is_err(), "cut short");
    }
}
