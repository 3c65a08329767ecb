//! Every shape error of a file at once: unknown keys, wrong types, missing fields and
//! values out of range, each at its place, found by walking the parsed TOML document
//! against the file format's JSON Schema (the one `cxm schema` prints, generated from
//! the types serde reads into).
//!
//! serde stops at a file's first shape error; a consultant fixing a questionnaire
//! should see them all in one run. Unknown keys are reported and then removed, and so
//! is an optional key whose value is wrong (its default stands in), so serde can still
//! read the rest and the cross-reference checks still run. A wrong or missing required
//! key means serde cannot read the file, so the shape errors are all that is reported:
//! leaving out a whole question or stage would set off errors about the file without
//! it that are not in the file.
//! Handles the part of JSON Schema that schemars writes for our types: `$ref` into
//! `definitions`, `type`, `properties`, `required`, `additionalProperties`, `items`,
//! `enum`, `const`, `anyOf`/`oneOf`, `minimum`/`maximum`.

use std::ops::Range;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::closest;

/// The schema keyword on fields whose values `cxm` checks itself, against the
/// questionnaire (answers, notes, a target stage): the shape check leaves them alone.
const LATER: &str = "x-cxm-values-checked-later";

/// One shape error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub span: Range<usize>,
    pub message: String,
    /// Whether serde can still read the file once unknown keys are removed.
    pub fatal: bool,
    /// Whether the key was known but its value wrong, and removed: the file read is
    /// not the file written, so checks of what is missing from it would mislead.
    pub removed: bool,
}

/// Checks `document` against `schema`, removing unknown keys as it reports them.
pub fn check(document: &mut Spanned<DeTable>, schema: &Value) -> Vec<Finding> {
    let mut walk = Walk {
        root: schema,
        findings: Vec::new(),
    };
    let span = document.span();
    walk.table(document.get_mut(), span, schema, "");
    walk.findings.sort_by_key(|f| f.span.start);
    walk.findings
}

struct Walk<'s> {
    root: &'s Value,
    findings: Vec<Finding>,
}

impl<'s> Walk<'s> {
    /// `node` with any `$ref` followed.
    fn resolve(&self, node: &'s Value) -> &'s Value {
        let mut node = node;
        for _ in 0..32 {
            let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let name = reference.rsplit('/').next().unwrap_or_default();
            match self.root.get("definitions").and_then(|d| d.get(name)) {
                Some(target) => node = target,
                None => break,
            }
        }
        node
    }

    fn fatal(&mut self, span: Range<usize>, message: String) {
        self.findings.push(Finding {
            span,
            message,
            fatal: true,
            removed: false,
        });
    }

    /// Whether `value` fits `node` without any finding (nothing is removed).
    fn fits(&self, value: &Spanned<DeValue>, node: &'s Value) -> bool {
        let mut copy = value.clone();
        let mut trial = Walk {
            root: self.root,
            findings: Vec::new(),
        };
        trial.value(&mut copy, node, "x");
        trial.findings.is_empty()
    }

    fn value(&mut self, value: &mut Spanned<DeValue>, node: &'s Value, name: &str) {
        // What the key is for, from the field's doc comment, to end a type error with;
        // built only when there is an error to end.
        let about = || {
            node.get("description")
                .and_then(Value::as_str)
                .map(|d| {
                    let d = d.trim_end_matches('.');
                    let mut chars = d.chars();
                    let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
                    format!(" ({}{})", first.unwrap_or_default(), chars.as_str())
                })
                .unwrap_or_default()
        };
        // Answers are checked against the questionnaire, with better messages than a
        // schema can give; here only that they are there.
        let wants_table = node.get("type").and_then(Value::as_str) == Some("object");
        if node.get(LATER).is_some()
            && (!wants_table || matches!(value.get_ref(), DeValue::Table(_)))
        {
            return;
        }
        let node = self.resolve(node);
        let span = value.span();
        // A `$ref` with a description beside it comes wrapped in `allOf`.
        if let Some(parts) = node.get("allOf").and_then(Value::as_array) {
            for part in parts {
                self.value(value, part, name);
            }
            return;
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = node.get(key).and_then(Value::as_array) {
                let branches: Vec<&Value> = branches.iter().map(|b| self.resolve(b)).collect();
                match branches.iter().find(|b| self.fits(value, b)) {
                    // Walk the branch for real: it may remove unknown keys.
                    Some(branch) => self.value(value, branch, name),
                    None => {
                        // One branch of the right type: its own, more precise, errors.
                        let typed: Vec<&&Value> = branches
                            .iter()
                            .filter(|b| self.type_fits(value.get_ref(), b))
                            .collect();
                        if let [branch] = typed.as_slice() {
                            self.value(value, branch, name);
                        } else if let (Some(allowed), DeValue::String(text)) = (
                            branches
                                .iter()
                                .map(|b| allowed_strings(b))
                                .collect::<Option<Vec<Vec<String>>>>(),
                            value.get_ref(),
                        ) {
                            // A choice of words: name them, and the likely one.
                            let allowed: Vec<String> = allowed.concat();
                            self.not_allowed(span, name, text, &allowed);
                        } else {
                            let wanted: Vec<String> =
                                branches.iter().filter_map(|b| self.expected(b)).collect();
                            self.fatal(
                                span,
                                format!(
                                    "`{name}` must be {}, not {}{}",
                                    or_list(&wanted),
                                    shown(value.get_ref()),
                                    about()
                                ),
                            );
                        }
                    }
                }
                return;
            }
        }
        if !self.type_fits(value.get_ref(), node) {
            let wanted = self
                .expected(node)
                .unwrap_or_else(|| "something else".into());
            self.fatal(
                span,
                format!(
                    "`{name}` must be {wanted}, not {}{}",
                    shown(value.get_ref()),
                    about()
                ),
            );
            return;
        }
        if let Some(allowed) = allowed_strings(node) {
            if let DeValue::String(s) = value.get_ref()
                && !allowed.iter().any(|a| a == s.as_ref())
            {
                self.not_allowed(span, name, s, &allowed);
            }
            return;
        }
        if let DeValue::Integer(n) = value.get_ref()
            && i64::from_str_radix(&n.as_str().replace('_', ""), n.radix()).is_err()
        {
            self.fatal(
                span,
                format!("`{name}` is too large a number: {}{}", n.as_str(), about()),
            );
            return;
        }
        if let DeValue::Integer(n) = value.get_ref()
            && let Ok(n) = i64::from_str_radix(&n.as_str().replace('_', ""), n.radix())
        {
            let min = node.get("minimum").and_then(Value::as_i64);
            let max = node.get("maximum").and_then(Value::as_i64);
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                let range = match (min, max) {
                    (Some(a), Some(b)) if a == b => format!("{a}"),
                    (Some(a), Some(b)) => format!("from {a} to {b}"),
                    (Some(a), None) => format!("at least {a}"),
                    (None, Some(b)) => format!("at most {b}"),
                    (None, None) => String::new(),
                };
                self.fatal(span.clone(), format!("`{name}` must be {range}, not {n}"));
            }
        }
        match value.get_mut() {
            DeValue::Table(table) => self.table(table, span, node, name),
            DeValue::Array(items) => {
                if let Some(item) = node.get("items") {
                    for value in items.iter_mut() {
                        self.value(value, item, name);
                    }
                }
            }
            _ => {}
        }
    }

    /// `name` holds `text`, which is none of the `allowed` words.
    fn not_allowed(&mut self, span: Range<usize>, name: &str, text: &str, allowed: &[String]) {
        let hint = closest(text, allowed.iter().map(String::as_str))
            .map(|near| format!("; did you mean `{near}`?"))
            .unwrap_or_default();
        let choices: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        self.fatal(
            span,
            format!(
                "`{name}` cannot be `{text}`; use {}{hint}",
                or_list(&choices)
            ),
        );
    }

    /// Whether a TOML value has one of the node's types (any, when it names none);
    /// for a choice of schemas, one of theirs.
    fn type_fits(&self, value: &DeValue, node: &'s Value) -> bool {
        let node = self.resolve(node);
        for key in ["anyOf", "oneOf", "allOf"] {
            if let Some(parts) = node.get(key).and_then(Value::as_array) {
                return parts.iter().any(|p| self.type_fits(value, p));
            }
        }
        type_fits(value, node)
    }

    /// What a node wants, in words; for a choice of schemas, what any of them wants.
    fn expected(&self, node: &'s Value) -> Option<String> {
        let node = self.resolve(node);
        for key in ["anyOf", "oneOf", "allOf"] {
            if let Some(parts) = node.get(key).and_then(Value::as_array) {
                let words: Vec<String> = parts.iter().filter_map(|p| self.expected(p)).collect();
                return (!words.is_empty()).then(|| or_list(&words));
            }
        }
        expected(node)
    }

    /// Checks a table: each key against `properties` (or `additionalProperties`),
    /// unknown keys reported and removed, missing required keys reported at `span`.
    fn table(&mut self, table: &mut DeTable, span: Range<usize>, node: &'s Value, name: &str) {
        let properties = node.get("properties").and_then(Value::as_object);
        let extra = node.get("additionalProperties");
        let required = node.get("required").and_then(Value::as_array);
        let is_required = |key: &str| {
            required
                .into_iter()
                .flatten()
                .any(|r| r.as_str() == Some(key))
        };
        let mut unknown = Vec::new();
        let mut wrong = Vec::new();
        for (key, value) in table.iter_mut() {
            let key_name: &str = key.get_ref();
            match properties.and_then(|p| p.get(key_name)) {
                Some(schema) => {
                    let before = self.findings.len();
                    self.value(value, schema, key_name);
                    // An optional key with a wrong value: left out, its default stands
                    // in, and the rest of the file is still read and checked.
                    let new = &mut self.findings[before..];
                    if !is_required(key_name) && new.iter().any(|f| f.fatal) {
                        for finding in new {
                            finding.fatal = false;
                            finding.removed = true;
                        }
                        wrong.push(key_name.to_string());
                    }
                }
                None => match extra {
                    Some(Value::Bool(false)) => unknown.push((key_name.to_string(), key.span())),
                    Some(schema @ Value::Object(_)) => self.value(value, schema, key_name),
                    _ => {}
                },
            }
        }
        let names: Vec<&str> = properties
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        for key in wrong {
            table.remove(key.as_str());
        }
        for (key, key_span) in unknown {
            table.remove(key.as_str());
            let hint = closest(&key, names.iter().copied())
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            self.findings.push(Finding {
                span: key_span,
                message: format!(
                    "unknown field `{key}`, expected one of {}{hint}",
                    names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                fatal: false,
                removed: false,
            });
        }
        for key in required.into_iter().flatten().filter_map(Value::as_str) {
            if !table.contains_key(key) {
                let within = if name.is_empty() {
                    String::new()
                } else {
                    format!(" in `{name}`")
                };
                self.fatal(span.clone(), format!("missing field `{key}`{within}"));
            }
        }
    }
}

/// The strings a node allows, from `enum` or `const`.
fn allowed_strings(node: &Value) -> Option<Vec<String>> {
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return Some(
            values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        );
    }
    node.get("const")
        .and_then(Value::as_str)
        .map(|c| vec![c.to_string()])
}

/// The JSON Schema types a node names (`type` may be a list).
fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether a TOML value has one of the node's types (any, when it names none).
fn type_fits(value: &DeValue, node: &Value) -> bool {
    let types = types(node);
    if types.is_empty() {
        return allowed_strings(node).is_none() || matches!(value, DeValue::String(_));
    }
    types.iter().any(|t| match *t {
        "string" => matches!(value, DeValue::String(_) | DeValue::Datetime(_)),
        "integer" => matches!(value, DeValue::Integer(_)),
        "number" => matches!(value, DeValue::Integer(_) | DeValue::Float(_)),
        "boolean" => matches!(value, DeValue::Boolean(_)),
        "object" => matches!(value, DeValue::Table(_)),
        "array" => matches!(value, DeValue::Array(_)),
        _ => false,
    })
}

/// What a node wants, in words: `a whole number`, `a table`, `` `mean` ``.
fn expected(node: &Value) -> Option<String> {
    if let Some(allowed) = allowed_strings(node) {
        return Some(or_list(
            &allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>(),
        ));
    }
    let words: Vec<String> = types(node)
        .into_iter()
        .filter(|t| *t != "null")
        .map(|t| {
            match t {
                "string" => "a text in quotes",
                "integer" => "a whole number",
                "number" => "a number",
                "boolean" => "`true` or `false`",
                "object" => "a table",
                "array" => "a list",
                other => other,
            }
            .to_string()
        })
        .collect();
    (!words.is_empty()).then(|| or_list(&words))
}

/// A TOML value, in words, for an error message.
fn shown(value: &DeValue) -> String {
    match value {
        DeValue::String(s) => format!("the text \"{s}\""),
        DeValue::Integer(n) => format!("the whole number {}", n.as_str()),
        DeValue::Float(x) => format!("the number {}", x.as_str()),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(d) => format!("the date {d}"),
        DeValue::Array(_) => "a list".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<(String, bool)> {
        let mut doc = DeTable::parse(text).expect("valid TOML");
        check(&mut doc, &crate::questionnaire::schema())
            .into_iter()
            .map(|f| (f.message, f.fatal))
            .collect()
    }

    #[test]
    fn every_shape_error_is_found_at_once() {
        let text = "format = 1\ncolour = 1\n[questionnaire]\nid = 1\nversion = \"1\"\n\
                    title = \"T\"\n[scoring]\nstage = \"nearst\"\n\
                    [[stages]]\nlevel = \"one\"\nid = \"a\"\nname = \"A\"\nsummary = \"\"\nhint = 2\n";
        let found = findings(text);
        let messages: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("unknown field `colour`, expected one of `format`")),
            "{messages:?}"
        );
        assert!(
            messages.contains(
                &"`id` must be a text in quotes, not the whole number 1 (kebab-case id that \
                  answers files name, e.g. `cx-maturity`)"
            ),
            "{messages:?}"
        );
        assert!(messages.contains(&"missing field `language` in `questionnaire`"));
        assert!(
            messages.contains(
                &"`stage` cannot be `nearst`; use `nearest` or `reached`; did you mean `nearest`?"
            ),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.starts_with(
            "`level` must be a whole number, not the text \"one\" (position on the ladder"
        )));
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("unknown field `hint`"))
        );
        assert!(messages.contains(&"missing field `dimensions`"));
        // Unknown keys and a wrong value of an optional key (`stage`, left out) do not
        // stop serde; wrong or missing required keys do.
        for (message, fatal) in &found {
            let removable = message.starts_with("unknown field") || message.starts_with("`stage`");
            assert_eq!(*fatal, !removable, "{message}");
        }
    }

    #[test]
    fn a_valid_file_has_no_finding() {
        let text = include_str!("../questionnaires/cx-maturity.en.toml");
        assert_eq!(findings(text), []);
    }
}
