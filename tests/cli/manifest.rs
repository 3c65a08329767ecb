//! The manifest tells the truth: `rust-version` is at least what the locked
//! dependencies need, so `cargo` on an older toolchain says so instead of failing
//! midway. (The code itself needs 1.89, for `File::try_lock`.)

use crate::common::ROOT;

#[test]
fn rust_version_covers_what_every_locked_dependency_needs() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let version = |v: &str| -> Vec<u32> { v.split('.').map(|p| p.parse().unwrap()).collect() };
    let packages = metadata["packages"].as_array().unwrap();
    let ours = packages
        .iter()
        .find(|p| p["name"] == "cx-maturity")
        .unwrap();
    let needed = packages
        .iter()
        .filter(|p| p["name"] != "cx-maturity")
        .filter_map(|p| p["rust_version"].as_str())
        .max_by_key(|v| version(v))
        .unwrap();
    let ours = version(ours["rust_version"].as_str().unwrap());
    assert!(ours >= version(needed), "rust-version {ours:?} < {needed}");
    // And no higher than the code needs: File::try_lock is 1.89.
    assert_eq!(ours, version("1.89"));
}
