//! Starting the app: where it is deployed (`config.json`), what the launchpad asked for
//! (language, theme), whether it is framed; then the texts of the language, then the mount.
//! Until a page shows, `index.html`'s shell and its "Starting…" message stand; a broken
//! deployment replaces the message with what to fix.

mod config;
mod launchpad;
pub mod login;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::sync::OnceLock;
use std::task::Poll;

use gloo_net::http::Request;
use leptos::prelude::{document, window};

pub use config::{AppConfig, ConfigError};
pub use launchpad::{LaunchParameters, Theme};

use crate::i18n::{self, Language};

/// Where and how the app runs, known from the start on.
#[derive(Debug, Default)]
pub struct Environment {
    pub config: AppConfig,
    /// Inside a launchpad's (or any) frame: the host page has the top bar.
    pub framed: bool,
}

static ENVIRONMENT: OnceLock<Environment> = OnceLock::new();

/// The environment the app started in (the default one before start, in component tests).
pub fn environment() -> &'static Environment {
    ENVIRONMENT.get_or_init(Environment::default)
}

/// Starts the app in the page.
pub async fn start() {
    let location = window().location();
    let launch = LaunchParameters::read(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default());
    let root = document().document_element().expect("a page has a root element");
    if let Some(theme) = launch.theme.as_deref().and_then(Theme::from_parameter).or_else(system_high_contrast) {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    let browser_languages: Vec<String> =
        window().navigator().languages().iter().filter_map(|tag| tag.as_string()).collect();
    let language = Language::choose(launch.language.as_deref(), &browser_languages);

    // A deep link to Edit Credentials shows findings on its first page: their texts come with the others.
    let findings_at_once = language != Language::English
        && location.pathname().is_ok_and(|path| path.trim_end_matches('/').ends_with("/credentials"));
    let findings = async move { if findings_at_once { load_catalog(i18n::GERMAN_FINDINGS).await } else { None } };
    let (config, (texts, findings)) = both(load_config(), both(load_texts(language), findings)).await;
    // German texts that cannot be loaded leave the app in English rather than not at all.
    let (language, texts) = texts.map_or((Language::English, BTreeMap::new()), |texts| (language, texts));
    i18n::install(language, texts, load_findings_texts_now);
    if let Some(findings) = findings {
        i18n::install_findings(findings);
    }
    let _ = root.set_attribute("lang", language.tag());
    let secure = location.protocol().is_ok_and(|protocol| protocol == "https:");
    let config = match config.and_then(|config| config.check_for_page(secure).map(|()| config)) {
        Ok(config) => config,
        Err(error) => return cannot_start(error),
    };

    let api_base = config.api_base.clone().unwrap_or_else(|| "api/1.0".to_owned());
    crate::api::set_api_base(&absolute(&api_base));
    let _ = ENVIRONMENT.set(Environment { config, framed: is_framed() });

    // Mounted after index.html's shell, which stays until a page has something to show.
    leptos::mount::mount_to_body(crate::App);
}

/// The app takes the place of `index.html`'s shell (its frame, placeholder rows and "Starting…"
/// message, which would turn into "could not start"): called as a page shows its content.
pub fn shell_done() {
    if let Some(shell) = document().get_element_by_id("app-shell") {
        shell.remove();
    }
    // So have index.html's start-up scripts, its noscript message and the preloads of the app's
    // code: they have done their work, and every node counts on a page of rows.
    if let Ok(done) = document().query_selector_all("script, noscript, link[rel=preload], link[rel=modulepreload]") {
        crate::dom::elements::<web_sys::Element>(done).for_each(|element| element.remove());
    }
    // The answers index.html asked for early were for the start only; later ones are fresh.
    crate::api::forget_early_answers();
}

/// Says that the page has shown what it is for: the first rows, a sign-in form, an error. The
/// release build's loader (cargo xtask's code_split) fetches the rest of the app's code only
/// then, so that it never competes with the first page for the network.
pub fn page_shown() {
    if let Ok(event) = web_sys::Event::new("app-page-shown") {
        let _ = window().dispatch_event(&event);
    }
    load_findings_texts();
}

/// In German, the texts of the credentials engine's findings, which no first page shows but
/// Edit Credentials' own address (whose start loads them): asked for once the page has been
/// drawn, and again after a later page if they did not come.
fn load_findings_texts() {
    if !i18n::findings_due() || FINDINGS_ON_THEIR_WAY.with_borrow(Option::is_some) {
        return;
    }
    let mut settle = None;
    FINDINGS_ON_THEIR_WAY.set(Some(js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve))));
    crate::idle::after_next_frame(move || {
        leptos::task::spawn_local(async move {
            // (Unless a finding shown meanwhile had them loaded at once.)
            if i18n::findings_due() {
                match load_catalog(i18n::GERMAN_FINDINGS).await {
                    Some(texts) => i18n::install_findings(texts),
                    None => FINDINGS_ON_THEIR_WAY.set(None),
                }
            }
            if let Some(settle) = settle {
                let _ = settle.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
    });
}

thread_local! {
    /// The findings' texts asked for and not come yet, or come: settles once they have come or
    /// could not (then it is gone, and a later page asks again).
    static FINDINGS_ON_THEIR_WAY: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Waits until the findings' texts on their way have come or could not (at once if none are):
/// for work done ahead that would otherwise load them at once, waiting in the middle of it.
pub async fn findings_texts_settled() {
    if let Some(on_their_way) = FINDINGS_ON_THEIR_WAY.with_borrow(Clone::clone) {
        let _ = wasm_bindgen_futures::JsFuture::from(on_their_way).await;
    }
}

/// The findings' texts when one is to be shown before they have come: loaded at once, the
/// request waited for (as the release build's loader does for code that is needed before it
/// came). None if they cannot be loaded: the findings are then in English.
fn load_findings_texts_now() -> i18n::Texts {
    let load = || {
        let request = web_sys::XmlHttpRequest::new().ok()?;
        request.open_with_async("GET", i18n::GERMAN_FINDINGS, false).ok()?;
        request.send().ok()?;
        let text = request.response_text().ok().flatten().filter(|_| request.status() == Ok(200))?;
        i18n::parse_catalog(&text).ok()
    };
    load().unwrap_or_default()
}

/// Waits until the whole app's code is here, for what is no part of a first page ("Switch
/// user"): whether it came. The release build's loader says when the rest of its code has
/// come, or could not be loaded (`window.appRest`, see cargo xtask's code_split); a build in one
/// piece has it all from the start.
pub async fn whole_code() -> bool {
    match crate::api::window_promise("appRest") {
        Some(rest) => wasm_bindgen_futures::JsFuture::from(rest).await.is_ok(),
        None => true,
    }
}

/// `config.json` beside `index.html`, as `index.html` fetched it while the app's code loaded
/// (`window.appConfig`: its text, or null for none or a host's page for unknown paths): none
/// means the defaults.
async fn load_config() -> Result<AppConfig, ConfigError> {
    match crate::api::page_promise("appConfig").await.and_then(|text| text.as_string()) {
        Some(text) => AppConfig::parse(&text),
        None => Ok(AppConfig::default()),
    }
}

/// The texts of `language`: none to load for English.
async fn load_texts(language: Language) -> Option<i18n::Texts> {
    if language == Language::English {
        return Some(BTreeMap::new());
    }
    load_catalog(i18n::GERMAN_TEXTS).await
}

/// The catalog at `url`: none if it cannot be loaded or read.
async fn load_catalog(url: &str) -> Option<i18n::Texts> {
    let response = Request::get(url).send().await.ok().filter(|response| response.ok())?;
    i18n::parse_catalog(&response.text().await.ok()?).ok()
}

/// `url` resolved against the page's base, so that `api/1.0` means the one under the app.
fn absolute(url: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|url| url.href()).unwrap_or_else(|_| url.to_owned())
}

/// The high-contrast theme when the system asks for more contrast (light or dark follow the
/// system through the stylesheet alone).
fn system_high_contrast() -> Option<Theme> {
    let matches = |query: &str| window().match_media(query).ok().flatten().is_some_and(|list| list.matches());
    matches("(prefers-contrast: more)").then(|| {
        if matches("(prefers-color-scheme: dark)") { Theme::HorizonHighContrastBlack } else { Theme::HorizonHighContrastWhite }
    })
}

fn is_framed() -> bool {
    let own = window();
    match own.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &own),
        // A top window the app may not even look at is another page's frame around it.
        _ => true,
    }
}

/// Says on the page why the app cannot start, where the "Starting…" message was. Kept out of
/// the start's own code (`inline(never)`), as a start that works never runs it.
#[inline(never)]
fn cannot_start(error: ConfigError) {
    let reason = error.to_string();
    if let Some(message) = document().get_element_by_id("app-start") {
        let _ = message.set_attribute("role", "alert");
        let _ = message.set_attribute("class", "app-start app-failed");
        message.set_text_content(Some(&reason));
    }
}

/// Runs two futures at once and waits for both.
async fn both<A: Future, B: Future>(first: A, second: B) -> (A::Output, B::Output) {
    let (mut first, mut second) = (pin!(first), pin!(second));
    let (mut first_done, mut second_done) = (None, None);
    poll_fn(|context| {
        if first_done.is_none() {
            if let Poll::Ready(output) = first.as_mut().poll(context) {
                first_done = Some(output);
            }
        }
        if second_done.is_none() {
            if let Poll::Ready(output) = second.as_mut().poll(context) {
                second_done = Some(output);
            }
        }
        if first_done.is_some() && second_done.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (first_done.expect("polled to the end"), second_done.expect("polled to the end"))
}

/// The app's base path without its trailing slash (`/apps/connections`, or `` at the root):
/// the router's base, and the start of every link the app writes.
pub fn base_path() -> &'static str {
    static BASE_PATH: OnceLock<String> = OnceLock::new();
    BASE_PATH.get_or_init(|| {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        let path = web_sys::Url::new(&base).map(|url| url.pathname()).unwrap_or_default();
        path.trim_end_matches('/').to_owned()
    })
}

/// The document address of the app's route `path` (such as `/connections?page=2`).
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}
