//! A doc page of the Alipay doc site, as copied from the browser, read into a [`Draft`].
//!
//! The layout read is that of the classic API pages (`docs.open.alipay.com/api_*/<method>`):
//!
//! ```text
//! alipay.fund.coupon.order.disburse (红包打款接口)      <- title: method (中文名)
//! 将某一个红包进行拆解并打款给用户,即用户领取红包          <- description
//! 公共参数 ... 公共请求参数: <table>                      <- notify_url / return_url / biz_content
//! 请求参数 <table>                                        <- [[request]]
//! 公共响应参数 <table>
//! 响应参数 <table>                                        <- [[response]]
//! 请求示例 / 响应示例 / 异常示例                           <- examples, the Java call (execute mode)
//! 业务错误码 <错误码 错误描述 解决方案>                    <- [[error]]
//! 触发通知类型 / 触发通知字段                               <- [notify]
//! ```
//!
//! Parameter tables have the header `参数 类型 是否必填 最大长度 描述 示例值`; a row starts
//! with a parameter name and its type, and its description may run over several lines, the
//! last of which is then the example value. The forms of nested parameters accepted are
//! described in docs/spec-import.md (and in the `table` module).

mod refine;
mod table;

use std::fmt;

use crate::model::*;

pub use table::Row;

/// Why a page could not be read: the 1-based line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

impl std::error::Error for PageError {}

pub(crate) fn err(line: usize, message: impl Into<String>) -> PageError {
    PageError {
        line,
        message: message.into(),
    }
}

/// The headings that start a part of the page (a line holding only the heading).
const HEADINGS: &[(&str, Part)] = &[
    ("公共参数", Part::Public),
    ("公共请求参数", Part::Public),
    ("请求参数", Part::Request),
    ("业务请求参数", Part::Request),
    ("公共响应参数", Part::PublicResponse),
    ("响应参数", Part::Response),
    ("业务响应参数", Part::Response),
    ("请求示例", Part::RequestExample),
    ("响应示例", Part::ResponseExample),
    ("异常示例", Part::ResponseExample),
    ("业务错误码", Part::Errors),
    ("错误码", Part::Errors),
    ("公共错误码", Part::Other),
    ("触发通知类型", Part::NotifyTypes),
    ("触发通知字段", Part::NotifyFields),
    ("触发通知示例", Part::Other),
    ("异步通知验签方式", Part::Other),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Intro,
    Public,
    Request,
    PublicResponse,
    Response,
    RequestExample,
    ResponseExample,
    Errors,
    NotifyTypes,
    NotifyFields,
    Other,
}

/// A line of the page: its 1-based number and text (without the line break).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

/// Reads a doc page. `label` names the page in the draft's comments (its file name).
pub fn import(text: &str, label: &str) -> Result<Draft, PageError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line { no: i + 1, text: t })
        .collect();
    let (title_at, method, name_zh) = title(&lines)?;

    // Split the rest of the page into its parts.
    let mut parts: Vec<(Part, Vec<Line>)> = vec![(Part::Intro, Vec::new())];
    for l in &lines[title_at + 1..] {
        let head = l.text.trim().trim_end_matches([':', '：']);
        if let Some((_, part)) = HEADINGS.iter().find(|(h, _)| *h == head) {
            parts.push((*part, Vec::new()));
        } else if let Some(last) = parts.last_mut() {
            last.1.push(*l);
        }
    }
    let part = |p: Part| -> Vec<Line> {
        parts
            .iter()
            .filter(|(q, _)| *q == p)
            .flat_map(|(_, ls)| ls.iter().copied())
            .collect()
    };

    let mut draft = Draft {
        method: method.clone(),
        name_zh,
        doc: part(Part::Intro)
            .iter()
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        origins: vec![format!("doc page {label}")],
        ..Draft::default()
    };

    let public = public_params(&part(Part::Public));
    let request_example = part(Part::RequestExample);
    let examples = refine::Examples::read(&request_example, &part(Part::ResponseExample));

    let request_lines = part(Part::Request);
    if request_lines.iter().all(|l| l.text.trim().is_empty()) && !parts_have(&parts, Part::Request)
    {
        return Err(err(
            lines[title_at].no,
            format!("no 请求参数 (request parameters) part after the title of {method}"),
        ));
    }
    let request_rows = table::params(&request_lines, "请求参数")?;
    draft.request = request_rows
        .iter()
        .map(|r| refine::field(r, &examples.request, Side::Request))
        .collect();
    draft.one_of = refine::groups(&mut draft.request, &request_rows);
    refine::nested_groups(&mut draft.request, &request_rows);

    let response_rows = table::params(&part(Part::Response), "响应参数")?;
    draft.response = response_rows
        .iter()
        .map(|r| refine::field(r, &examples.response, Side::Response))
        .collect();

    for row in table::errors(&part(Part::Errors))? {
        // Pages repeat rows; a spec lists each code once (the first row's texts).
        match draft.errors.iter().find(|e| e.code == row.code) {
            Some(first) if first.msg == row.msg && first.solution == row.solution => {
                let remark = format!(
                    "The page lists {} more than once; it appears once here.",
                    row.code
                );
                if !draft.remarks.contains(&remark) {
                    draft.remarks.push(remark);
                }
            }
            Some(_) => draft.remarks.push(format!(
                "The page lists {} again at line {} with other texts: {} / {}",
                row.code, row.line, row.msg, row.solution
            )),
            None => draft.errors.push(refine::error(row)),
        }
    }

    let notify_types = table::notify_types(&part(Part::NotifyTypes))?;
    let notify_rows = table::params(&part(Part::NotifyFields), "触发通知字段")?;
    if !notify_types.is_empty() || !notify_rows.is_empty() {
        draft.notify = Some(Notify {
            types: notify_types,
            fields: notify_rows
                .iter()
                .map(|r| refine::field(r, &Default::default(), Side::Notify))
                .collect(),
        });
    }

    draft.execution = refine::execution(&method, &draft.doc, &request_example);
    draft.notify_url = match &public {
        Some(names) => Guessed::stated(names.iter().any(|n| n == "notify_url")),
        None => Guessed::guess(
            draft.notify.is_some(),
            "the page has no public parameter table; true when it documents notifications",
        ),
    };
    draft.return_url = match &public {
        Some(names) => Guessed::stated(names.iter().any(|n| n == "return_url")),
        None => Guessed::guess(
            draft.execution.value == Execution::PageExecute,
            "the page has no public parameter table; true for page APIs",
        ),
    };
    draft.params = refine::params(public.as_deref(), &draft.request, &request_example);
    if draft.params.value == Params::None {
        draft.request.clear();
    }
    draft.remarks.push(
        "Read off the page: fields, types, required flags, one-of groups, lengths, enum values, \
         ranges, examples, doc text and the error table. Not on the page, so not here: rules \
         between fields other than one-of groups, and the response's optionality on errors."
            .into(),
    );
    Ok(draft)
}

fn parts_have(parts: &[(Part, Vec<Line>)], p: Part) -> bool {
    parts.iter().any(|(q, _)| *q == p)
}

/// Which side a table describes (types are read a little differently on each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Request,
    Response,
    Notify,
}

/// The title line `method (中文名)`: its index, the method and the Chinese name.
fn title(lines: &[Line]) -> Result<(usize, String, String), PageError> {
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        if let Some((method, name)) = split_title(t) {
            return Ok((i, method.to_owned(), name.to_owned()));
        }
        // A table header before any title: this is not an API reference page.
        if t.starts_with("参数") && t.contains("类型") {
            break;
        }
    }
    let methods = mentioned_methods(lines);
    let hint = if methods.is_empty() {
        String::new()
    } else {
        format!(
            "; it names {}: import each API's own reference page",
            methods.join(", ")
        )
    };
    Err(err(
        1,
        format!(
            "not an API reference page: no title line `method (中文名)`, e.g. \
             `alipay.trade.pay (统一收单交易支付接口)`{hint}"
        ),
    ))
}

fn split_title(t: &str) -> Option<(&str, &str)> {
    let open = t.find(['(', '（'])?;
    let method = t[..open].trim();
    let rest = t[open..].trim_end();
    let inner = rest
        .strip_prefix('(')
        .or_else(|| rest.strip_prefix('（'))?
        .strip_suffix(')')
        .or_else(|| rest.strip_prefix('(').and_then(|r| r.strip_suffix('）')))
        .or_else(|| rest.strip_prefix('（').and_then(|r| r.strip_suffix('）')))
        .or_else(|| rest.strip_prefix('（').and_then(|r| r.strip_suffix(')')))?;
    (is_method(method) && !inner.trim().is_empty()).then_some((method, inner.trim()))
}

/// `alipay.trade.pay`, `koubei.marketing.campaign.create`, `zhima.credit.score.get`, ...
pub(crate) fn is_method(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 3
        && !parts
            .last()
            .is_some_and(|p| ["com", "net", "cn", "org", "htm", "html"].contains(p))
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        && parts[0].starts_with(|c: char| c.is_ascii_lowercase())
}

/// Methods a page names anywhere (for the message on a guide page), in page order.
fn mentioned_methods(lines: &[Line]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for l in lines {
        for word in l
            .text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        {
            let word = word.trim_matches('.');
            if is_method(word) && !found.iter().any(|f| f == word) {
                found.push(word.to_owned());
            }
        }
    }
    found
}

/// The names in the public request parameter table (`None` when the page has none).
fn public_params(lines: &[Line]) -> Option<Vec<String>> {
    let header = lines.iter().position(|l| table::is_param_header(l.text))?;
    Some(
        lines[header + 1..]
            .iter()
            .filter_map(|l| l.text.split_whitespace().next())
            .filter(|w| table::is_param_name(w))
            .map(str::to_owned)
            .collect(),
    )
}

#[cfg(test)]
mod tests;
