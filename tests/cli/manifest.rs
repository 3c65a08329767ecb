//! The manifest tells the truth: `rust-version` is what the locked dependencies (and
//! the code) need, so `cargo` on an older toolchain says so instead of failing midway.

use crate::common::ROOT;

#[test]
fn rust_version_is_the_highest_any_locked_dependency_needs() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
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
    assert_eq!(
        ours["rust_version"].as_str().map(version),
        Some(version(needed))
    );
}
