//! Data that only the moved code uses moves with it: the rest writes it into the shared memory
//! when it is instantiated, before any of its code runs, and the first module leaves zeros there
//! (which `wasm-opt` then drops from its data). The app's English texts for its dialogs, the
//! credentials engine's messages and the tables of the code that runs later are most of it.
//!
//! The module says no more of its data than where the code points into it: the constant
//! addresses in functions (`i32.const`, either half of an `i64.const`, a load's or store's
//! offset) and the words of the data that look like addresses into it. A piece of data runs
//! from one such address to the next. A piece moves if moved code points to its start, or data
//! that moves; and it stays on any doubt:
//!
//! - if the first module's code or data that stays points to it;
//! - if it starts inside a word of the data that looks like an address;
//! - if the piece before it stays and is not text (or is shorter than a word, and the bytes
//!   around the start are not all text: it may be part of a word): kept code may index a table
//!   past where moved code points into it (text is read by its length; a table can be read
//!   anywhere in it);
//! - if it is not text and kept code points right after it: kept code may read a table down
//!   from its end (a loop counting up to zero does).
//!
//! `wasm-opt` leaves runs of zeros out of the segments (a table of numbers may begin or end
//! with some). An address among such zeros between two segments points to the data at the start
//! of the next one, its first bytes being those zeros. A piece at a segment's start stays unless
//! moved code points among the zeros before it (data that begins with them); then it follows
//! the rules above, the last piece of the segment before being the piece before. Kept code that
//! points among the zeros after a piece points right after it.
//!
//! (Numbers in code that are no addresses point into the data too: 0x110000 and up, the
//! niches of `char`, fall among its addresses. The second and third rules keep them from
//! cutting a table in two, a word of it left in the first module and the rest of it zeros.)
//!
//! What the first page shows without the rest is checked against the whole app by the
//! end-to-end test "the first page is the same without the rest of the code".

use std::collections::{BTreeSet, HashMap, HashSet};

use walrus::ir::{Const, Load, Store, Value, Visitor};
use walrus::{ConstExpr, DataKind, FunctionId, GlobalKind, MemoryId, Module};

/// What moves: pieces of one memory's data, by address.
pub struct MovingData {
    pub memory: MemoryId,
    pub pieces: Vec<(u32, Vec<u8>)>,
}

impl MovingData {
    pub fn bytes(&self) -> usize {
        self.pieces.iter().map(|(_, bytes)| bytes.len()).sum()
    }
}

/// The data of `module` that only the functions in `moved` point to, if its data is as the Rust
/// compiler lays it out (one memory, active segments at constant addresses).
pub fn moving(module: &Module, moved: &HashSet<FunctionId>) -> Option<MovingData> {
    let mut memories = module.data.iter().map(|data| match data.kind {
        DataKind::Active { memory, offset: ConstExpr::Value(Value::I32(_)) } => Some(memory),
        _ => None,
    });
    let memory = memories.next()??;
    if !memories.all(|other| other == Some(memory)) {
        return None;
    }
    let segments: Vec<(u32, &[u8])> = module
        .data
        .iter()
        .map(|data| match data.kind {
            DataKind::Active { offset: ConstExpr::Value(Value::I32(at)), .. } => (at as u32, data.value.as_slice()),
            _ => unreachable!("checked above"),
        })
        .collect();
    let image = Image::new(segments);

    let (mut kept_refs, mut moved_refs) = (Addresses::default(), Addresses::default());
    for (id, body) in module.funcs.iter_local() {
        let refs = if moved.contains(&id) { &mut moved_refs } else { &mut kept_refs };
        walrus::ir::dfs_in_order(refs, body, body.entry_block());
    }
    for global in module.globals.iter() {
        if let GlobalKind::Local(ConstExpr::Value(Value::I32(value))) = global.kind {
            kept_refs.0.insert(value as u32);
        }
    }
    let pieces = image.moving_pieces(&kept_refs.0, &moved_refs.0);
    Some(MovingData { memory, pieces })
}

/// `module` (the first) without `data`: zeros where it was.
pub fn take_from(module: &mut Module, data: &MovingData) {
    for id in module.data.iter().map(|segment| segment.id()).collect::<Vec<_>>() {
        let segment = module.data.get_mut(id);
        let DataKind::Active { memory, offset: ConstExpr::Value(Value::I32(at)) } = segment.kind else { continue };
        if memory != data.memory {
            continue;
        }
        let (start, end) = (at as u32, at as u32 + segment.value.len() as u32);
        for (piece_at, bytes) in &data.pieces {
            let (from, to) = (*piece_at.max(&start), (*piece_at + bytes.len() as u32).min(end));
            if from < to {
                segment.value[(from - start) as usize..(to - start) as usize].fill(0);
            }
        }
    }
}

/// `module` (the rest) writing `data` into `memory` (its import of the first's memory).
pub fn give_to(module: &mut Module, memory: MemoryId, data: &MovingData) {
    for (at, bytes) in &data.pieces {
        let id = module.data.add(DataKind::Active { memory, offset: ConstExpr::Value(Value::I32(*at as i32)) }, bytes.clone());
        module.memories.get_mut(memory).data_segments.insert(id);
    }
}

/// Constant addresses in code.
#[derive(Default)]
struct Addresses(BTreeSet<u32>);

impl Visitor<'_> for Addresses {
    fn visit_const(&mut self, instr: &Const) {
        match instr.value {
            Value::I32(value) => {
                self.0.insert(value as u32);
            }
            // The compiler may build two addresses (a pointer and a length, or two pointers) as
            // one 64-bit constant.
            Value::I64(value) => {
                self.0.insert(value as u32);
                self.0.insert((value >> 32) as u32);
            }
            _ => {}
        }
    }
    fn visit_load(&mut self, instr: &Load) {
        self.0.insert(instr.arg.offset as u32);
    }
    fn visit_store(&mut self, instr: &Store) {
        self.0.insert(instr.arg.offset as u32);
    }
}

/// The memory's initial bytes, as its segments give them.
struct Image<'a> {
    segments: Vec<(u32, &'a [u8])>,
}

impl<'a> Image<'a> {
    fn new(mut segments: Vec<(u32, &'a [u8])>) -> Self {
        segments.sort_by_key(|(at, _)| *at);
        Self { segments }
    }

    /// The segment that holds `address`: where it starts, and its bytes.
    fn segment_of(&self, address: u32) -> Option<(u32, &'a [u8])> {
        self.segments.iter().copied().find(|(at, bytes)| (*at..*at + bytes.len() as u32).contains(&address))
    }

    fn contains(&self, address: u32) -> bool {
        self.segment_of(address).is_some()
    }

    /// Where the data that `address` points to has its bytes: `address` itself in a segment;
    /// among zeros left out between two segments, the next one's start; else none.
    fn in_data(&self, address: u32) -> Option<u32> {
        // The first segment that ends after it: it holds it, or comes next.
        let (position, &(at, _)) = self.segments.iter().enumerate().find(|(_, (at, bytes))| address < at + bytes.len() as u32)?;
        if address >= at {
            Some(address)
        } else {
            (position > 0).then_some(at)
        }
    }

    /// The segment's end that holds `address`.
    fn segment_end(&self, address: u32) -> Option<u32> {
        self.segment_of(address).map(|(at, bytes)| at + bytes.len() as u32)
    }

    /// Whether the 3 bytes before `at` and the 3 from it (those its segment has) are text: no
    /// word that holds the byte before `at` and the one at it is anything else.
    fn text_around(&self, at: u32) -> bool {
        let Some((start, bytes)) = self.segment_of(at) else { return false };
        let from = (at - start).saturating_sub(3) as usize;
        let to = ((at - start + 3) as usize).min(bytes.len());
        // Byte by byte: the window may cut a character of more than one byte.
        bytes[from..to].iter().all(|&byte| byte >= b' ' || byte == b'\n' || byte == b'\t')
    }

    fn bytes(&self, from: u32, to: u32) -> &'a [u8] {
        let (at, bytes) = self.segment_of(from).expect("inside a segment");
        &bytes[(from - at) as usize..(to - at) as usize]
    }

    /// Words of the data that look like addresses into it: (where, to what).
    fn pointers(&self) -> Vec<(u32, u32)> {
        self.segments
            .iter()
            .flat_map(|(at, bytes)| bytes.windows(4).enumerate().map(move |(offset, word)| (at + offset as u32, u32::from_le_bytes(word.try_into().expect("4 bytes")))))
            .filter_map(|(at, target)| Some((at, self.in_data(target)?)))
            .collect()
    }

    fn moving_pieces(&self, kept_refs: &BTreeSet<u32>, moved_refs: &BTreeSet<u32>) -> Vec<(u32, Vec<u8>)> {
        // Each address as it is (the end of a run of text or of a table), and where its data's
        // bytes are, if it points among zeros left out.
        let with_data = |refs: &BTreeSet<u32>| -> BTreeSet<u32> { refs.iter().copied().chain(refs.iter().filter_map(|&at| self.in_data(at))).collect() };
        // The segments' starts that moved code points before, among zeros left out.
        let after_zeros: BTreeSet<u32> = moved_refs.iter().filter_map(|&at| self.in_data(at).filter(|&data| data != at)).collect();
        let (kept_refs, moved_refs) = (&with_data(kept_refs), &with_data(moved_refs));
        let pointers = self.pointers();
        let segment_edges: BTreeSet<u32> = self.segments.iter().flat_map(|(at, bytes)| [*at, at + bytes.len() as u32]).collect();
        let starts: BTreeSet<u32> = kept_refs
            .iter()
            .chain(moved_refs)
            .copied()
            .filter(|&address| self.contains(address))
            .chain(pointers.iter().map(|&(_, target)| target))
            .chain(segment_edges.iter().copied())
            .collect();
        let starts: Vec<u32> = starts.into_iter().collect();
        let piece_of = |address: u32| starts[starts.partition_point(|&start| start <= address) - 1];
        let is_text = |from: u32, to: u32| is_text(self.bytes(from, to));
        // Text before a piece: fewer bytes than a word may be part of a word, unless the bytes
        // around where the piece starts are text too.
        let is_text_before = |from: u32, to: u32| is_text(from, to) && (to - from >= 4 || self.text_around(to));
        let index: HashMap<u32, usize> = starts.iter().enumerate().map(|(index, &start)| (start, index)).collect();
        let mut pointers_in: HashMap<u32, Vec<u32>> = HashMap::new();
        for &(at, target) in &pointers {
            pointers_in.entry(piece_of(at)).or_default().push(target);
        }
        // Starts inside a word of the data that looks like an address.
        let inside_pointers: HashSet<u32> = pointers.iter().flat_map(|&(at, _)| at + 1..at + 4).filter(|start| index.contains_key(start)).collect();
        // A piece in a segment (at its start, only after zeros that moved code points among)
        // that kept code does not point to.
        let segment_starts: HashSet<u32> = self.segments.iter().map(|(at, _)| *at).collect();
        let may_move = |start: u32| {
            self.contains(start)
                && (!segment_starts.contains(&start) || after_zeros.contains(&start))
                && !kept_refs.contains(&start)
                && !inside_pointers.contains(&start)
        };
        // The piece before one, and where it ends: at a segment's start, the last piece of the
        // segment before.
        let piece_before = |position: usize| {
            let previous = starts[..position].iter().rev().copied().find(|&start| self.contains(start))?;
            Some((previous, starts[position].min(self.segment_end(previous)?)))
        };
        // Kept code points right after a piece that ends at `end`, or among zeros left out there.
        let kept_after = |end: u32| kept_refs.range(end..=self.in_data(end).unwrap_or(end)).next().is_some();

        let mut staying: HashSet<u32> = HashSet::new();
        loop {
            // What moved code points to, and what the data of those pieces points to, in turn.
            let mut moving: HashSet<u32> = moved_refs.iter().copied().filter(|&start| may_move(start) && !staying.contains(&start)).collect();
            let mut reached: Vec<u32> = moving.iter().copied().collect();
            while let Some(piece) = reached.pop() {
                for &target in pointers_in.get(&piece).into_iter().flatten() {
                    if may_move(target) && !staying.contains(&target) && moving.insert(target) {
                        reached.push(target);
                    }
                }
            }
            let before = staying.len();
            // Pointed to by data that stays.
            for &(at, target) in &pointers {
                if !moving.contains(&piece_of(at)) && moving.contains(&target) {
                    staying.insert(target);
                }
            }
            for &start in &moving {
                let position = index[&start];
                let next = starts[position + 1];
                // Right after a table that stays (kept code may index it past where moved code
                // points into it), or a table right before where kept code points (which it may
                // read down from, as a loop counting up to zero does).
                let after_kept_table = piece_before(position)
                    .is_none_or(|(previous, previous_end)| !moving.contains(&previous) && !is_text_before(previous, previous_end));
                if after_kept_table || (kept_after(next) && !is_text(start, next)) {
                    staying.insert(start);
                }
            }
            if staying.len() == before {
                break self.pieces_of(&starts, &moving);
            }
        }
    }

    /// The bytes of the pieces `moving` (by their starts), neighbours as one.
    fn pieces_of(&self, starts: &[u32], moving: &HashSet<u32>) -> Vec<(u32, Vec<u8>)> {
        let mut pieces: Vec<(u32, Vec<u8>)> = Vec::new();
        for (position, &start) in starts.iter().enumerate() {
            if !moving.contains(&start) {
                continue;
            }
            let end = starts[position + 1];
            match pieces.last_mut() {
                Some((at, bytes)) if *at + bytes.len() as u32 == start => bytes.extend_from_slice(self.bytes(start, end)),
                _ => pieces.push((start, self.bytes(start, end).to_vec())),
            }
        }
        pieces
    }
}

/// Whether `bytes` read as text: UTF-8 with no control character but line breaks and tabs.
fn is_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| text.chars().all(|c| c >= ' ' || c == '\n' || c == '\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: u32 = 1000;

    fn pieces(data: &[u8], kept: &[u32], moved: &[u32]) -> Vec<(u32, String)> {
        pieces_of_segments(vec![(AT, data)], kept, moved).into_iter().map(|(at, bytes)| (at, String::from_utf8_lossy(&bytes).into_owned())).collect()
    }

    #[test]
    fn text_only_moved_code_points_to_moves() {
        // "kept" at 1000, "moved" at 1004, "both" at 1009.
        assert_eq!(pieces(b"keptmovedboth", &[AT, AT + 9], &[AT + 4, AT + 9]), [(AT + 4, "moved".to_owned())]);
    }

    #[test]
    fn what_kept_data_points_to_stays_and_what_moving_data_points_to_moves() {
        // A table at 1000 (kept code) points to "abcd" at 1008; a table at 1012 (moved code)
        // points to "xyz" at 1020. (Tables are aligned, as the compiler aligns them.)
        let mut data = Vec::new();
        data.extend_from_slice(&(AT + 8).to_le_bytes());
        data.extend_from_slice(&4u32.to_le_bytes());
        data.extend_from_slice(b"abcd");
        data.extend_from_slice(&(AT + 20).to_le_bytes());
        data.extend_from_slice(&3u32.to_le_bytes());
        data.extend_from_slice(b"xyz");
        // The moved table follows text ("abcd"), so it may move; "xyz" moves with it.
        let moved = pieces(&data, &[AT], &[AT + 12]);
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].0, AT + 12);
        assert!(moved[0].1.ends_with("xyz"));
        assert!(!pieces(&data, &[AT], &[AT + 8]).iter().any(|(at, _)| *at == AT + 8), "abcd is pointed to by kept data");
    }

    #[test]
    fn data_that_only_points_to_itself_stays() {
        // A table at 1004 that points to the text at 1004 it holds ("edit" before its pointer),
        // which no moved code points to.
        let mut data = b"headedit".to_vec();
        data.extend_from_slice(&(AT + 4).to_le_bytes());
        data.extend_from_slice(&4u32.to_le_bytes());
        data.extend_from_slice(b"tail");
        assert_eq!(pieces(&data, &[AT, AT + 16], &[]), []);
    }

    #[test]
    fn a_table_right_before_where_kept_code_points_stays() {
        // Moved code points to a table at 1004; kept code to 1012, right after it (the bound of
        // a loop over the table). Were the piece text, it could move.
        let mut data = b"head".to_vec();
        data.extend_from_slice(&[1, 0, 0, 0, 2, 0, 0, 0]);
        data.extend_from_slice(b"tail");
        assert_eq!(pieces(&data, &[AT, AT + 12], &[AT + 4]), []);
        assert_eq!(pieces(b"headtexttail", &[AT, AT + 8], &[AT + 4]), [(AT + 4, "text".to_owned())]);
    }

    #[test]
    fn a_table_of_pointers_is_not_cut_where_a_number_looks_like_an_address_into_it() {
        // Texts at 0x3f60, then a table of pointers to them, which kept code reads. Numbers in
        // code point into the table's first word, as 0x110000 and up (the niches of `char`)
        // did in the app: kept code to its start, moved code 2 bytes in. The 2 bytes between
        // (0x60 0x3f) read as text ("`?"); the table must still stay whole.
        const BASE: u32 = 0x3f60;
        let mut data = b"alphabeta".to_vec();
        data.resize(12, 0);
        let table = BASE + data.len() as u32;
        data.extend_from_slice(&BASE.to_le_bytes());
        data.extend_from_slice(&(BASE + 5).to_le_bytes());
        assert_eq!(&data[12..14], b"`?");
        let image = Image::new(vec![(BASE, &data[..])]);
        let moving = image.moving_pieces(&[BASE, table].into(), &[table + 2].into());
        assert_eq!(moving, []);
    }

    #[test]
    fn a_table_of_numbers_is_not_cut_inside_a_word_either() {
        // A kept table of three numbers (say a vtable: a function's index, a size, an
        // alignment), its first byte 0x41 ("A"); moved code's number points 1 byte into it.
        // The piece before is "A": too short to tell text from a part of a word.
        let mut data = b"head".to_vec();
        for number in [0x41u32, 8, 4] {
            data.extend_from_slice(&number.to_le_bytes());
        }
        assert_eq!(pieces(&data, &[AT, AT + 4], &[AT + 5]), []);
        // Text moves after text: a word of it, or less among more text.
        assert_eq!(pieces(b"headtextsome", &[AT, AT + 4], &[AT + 8]), [(AT + 8, "some".to_owned())]);
        assert_eq!(pieces(b"headtextsome", &[AT, AT + 4], &[AT + 5]), [(AT + 5, "extsome".to_owned())]);
    }

    fn pieces_of_segments(segments: Vec<(u32, &[u8])>, kept: &[u32], moved: &[u32]) -> Vec<(u32, Vec<u8>)> {
        Image::new(segments).moving_pieces(&kept.iter().copied().collect(), &moved.iter().copied().collect())
    }

    #[test]
    fn a_table_whose_first_zeros_were_left_out_moves_with_the_code_that_points_to_it() {
        // "kepttext" at 1000; a table of numbers at 1012 whose first 4 bytes are zeros, which
        // wasm-opt left out: its segment starts at 1016.
        let table = [7u8, 0, 0, 0, 9, 0, 0, 0];
        let segments = || vec![(AT, &b"kepttext"[..]), (AT + 16, &table[..])];
        assert_eq!(pieces_of_segments(segments(), &[AT], &[AT + 12]), [(AT + 16, table.to_vec())]);
        // Kept code that points among those zeros reads the table too.
        assert_eq!(pieces_of_segments(segments(), &[AT, AT + 14], &[AT + 12]), []);
        // So does kept code that points to its first byte.
        assert_eq!(pieces_of_segments(segments(), &[AT, AT + 16], &[AT + 12]), []);
    }

    #[test]
    fn across_left_out_zeros_a_table_that_stays_keeps_what_follows() {
        // A table at 1000, which kept code reads, with zeros left out in it from 1008 to 1012;
        // moved code points among them, which may be the same table read by its index.
        let (head, tail) = ([1u8, 0, 0, 0, 2, 0, 0, 0], [3u8, 0, 0, 0]);
        assert_eq!(pieces_of_segments(vec![(AT, &head[..]), (AT + 12, &tail[..])], &[AT], &[AT + 10]), []);
        // After text, it moves.
        assert_eq!(pieces_of_segments(vec![(AT, &b"kepttext"[..]), (AT + 12, &tail[..])], &[AT], &[AT + 10]), [(AT + 12, tail.to_vec())]);
        // Moved code pointing to the segment's start itself says nothing of the zeros before.
        assert_eq!(pieces_of_segments(vec![(AT, &b"kepttext"[..]), (AT + 12, &tail[..])], &[AT], &[AT + 12]), []);
    }

    #[test]
    fn a_table_whose_last_zeros_were_left_out_stays_when_kept_code_points_among_them() {
        // "text" at 1000, then a table at 1004 whose last zeros were left out (its segment ends
        // at 1009, the next starts at 1028); kept code's loop bound is its end, at 1020.
        let mut head = b"text".to_vec();
        head.extend_from_slice(&[5, 0, 0, 0, 6]);
        let segments = || vec![(AT, &head[..]), (AT + 28, &b"more"[..])];
        assert_eq!(pieces_of_segments(segments(), &[AT, AT + 20], &[AT + 4]), []);
        assert_eq!(pieces_of_segments(segments(), &[AT], &[AT + 4]), [(AT + 4, head[4..].to_vec())]);
    }

    #[test]
    fn the_first_segments_start_stays() {
        assert_eq!(pieces(b"movedtext", &[], &[AT]), []);
    }

    #[test]
    fn nothing_moves_right_after_a_table_that_stays() {
        // Kept code points to a table at 1000; moved code to its third word at 1008, which may
        // be the same table read by its index.
        let data: Vec<u8> = (0u8..16).collect();
        assert_eq!(pieces(&data, &[AT], &[AT + 8]), []);
    }
}
