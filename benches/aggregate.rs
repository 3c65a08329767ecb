//! `cxm aggregate` over 10,000 answers files of the bundled questionnaire, in process:
//! reading, checking, scoring and tallying them (rayon, all cores). The files are
//! written once to a temporary directory before timing. See docs/performance.md.

use std::path::PathBuf;

use cxm::bundled;
use cxm::commands::aggregate::tally_files;

fn main() {
    divan::main();
}

/// `n` answers files, each answer a pseudo-random stage, in a fresh directory.
fn files(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let q = bundled::find(bundled::DEFAULT_ID, None).expect("bundled");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let mut text = format!(
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"{}\"\n\
             respondent = \"Respondent {i}\"\n[answers]\n",
            q.version
        );
        for question in &q.questions {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let option = &question.options[(seed % question.options.len() as u64) as usize];
            text += &format!("{} = {}\n", question.id, option.stage);
        }
        let path = dir.path().join(format!("r{i:05}.toml"));
        std::fs::write(&path, text).expect("written");
        paths.push(path);
    }
    (dir, paths)
}

#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn aggregate_files(bencher: divan::Bencher, n: usize) {
    let q = bundled::find(bundled::DEFAULT_ID, None).expect("bundled");
    let (_dir, paths) = files(n);
    bencher.bench(|| tally_files(&paths, &q));
}
