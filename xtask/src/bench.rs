//! `cargo xtask bench`: benchmark figures, printed.

use std::io::Write;
use std::path::{Path, PathBuf};

use std::process::Command;

use crate::build::{self, dist_folder};
use crate::process::run as run_command;
use crate::setup;
use crate::workspace_root;

pub fn run() -> Result<(), String> {
    let tools = setup::build_tools()?;
    build::app_release(&tools)?;
    bundle_sizes(&dist_folder())?;
    credentials_engine()
}

/// The credentials crate's criterion benchmark: a typical paste and the 64 KiB worst cases.
fn credentials_engine() -> Result<(), String> {
    println!("\n==> credentials engine (criterion; the middle figure of `time` is the median)");
    run_command(Command::new("cargo").args(["bench", "--package", "credentials", "--bench", "analyze"]).current_dir(workspace_root()))
}

/// Prints each file of the release build with its raw, gzip and brotli size, and the totals.
fn bundle_sizes(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files).map_err(|error| format!("cannot read {}: {error}", dist.display()))?;
    files.sort();
    println!("\nrelease build sizes ({}):", dist.display());
    println!("{:<52} {:>10} {:>10} {:>10}", "file", "raw", "gzip -9", "brotli 11");
    let mut totals = [0usize; 3];
    for file in &files {
        let bytes = std::fs::read(file).map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        let sizes = [bytes.len(), gzip_size(&bytes), brotli_size(&bytes)];
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
        let name = file.strip_prefix(dist).unwrap_or(file).display().to_string();
        println!("{name:<52} {:>10} {:>10} {:>10}", kib(sizes[0]), kib(sizes[1]), kib(sizes[2]));
    }
    println!("{:<52} {:>10} {:>10} {:>10}", "total", kib(totals[0]), kib(totals[1]), kib(totals[2]));
    Ok(())
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn gzip_size(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn brotli_size(bytes: &[u8]) -> usize {
    let mut output = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut output, &params).expect("writing to memory");
    output.len()
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
