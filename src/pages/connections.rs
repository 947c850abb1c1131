//! `/connections`: the page an administrator lives in. Who is signed in decides between the
//! sign-in choice and the table; the table's view (filter, search, sort, page) lives in the URL.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::api::{self, ApiError, ConnectionRequest, CountsByStatus, Decision, ListParams, Page, User};
use crate::components::action_cell::{action_id, edit_link_id, RowAction};
use crate::components::confirm_dialog::UnsavedInput;
use crate::components::decision_dialog::DecisionDialog;
use crate::components::app_header::AppHeader;
use crate::components::empty_state::EmptyState;
use crate::components::error_message::ErrorMessage;
use crate::components::mine_filter::MineFilter;
use crate::components::new_request_dialog::NewRequestDialog;
use crate::components::pager::Pager;
use crate::components::request_details::RequestDetails;
use crate::components::request_table::{RequestTable, RequestTableSkeleton};
use crate::components::search_box::SearchBox;
use crate::components::sign_in::SignIn;
use crate::components::sort_select::SortSelect;
use crate::components::status_tabs::StatusTabs;
use crate::components::test_connection_dialog::TestConnectionDialog;
use crate::startup::login::{self, LoginStep};
use crate::i18n::{t, tf};
use crate::permissions::{can_edit_credentials, can_submit};
use crate::pages::edit_credentials::{keeping_the_table_in_place, EditCredentials};
use crate::table_query::{SortField, TableQuery};

mod edit_on_press;
mod table_focus;

use table_focus::{KeptFocus, PendingFocus};

/// How long the toast and the mark on a saved row stay.
const SAVED_NOTICE: Duration = Duration::from_secs(8);

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    // Bumped after signing in or out, so that the user (and with it the page) is loaded again.
    let (session_changes, set_session_changes) = signal(0u32);
    // An `AsyncDerived`, not a `LocalResource` (which always waits an executor tick first, for
    // hydration, which this app has none of): it polls its future once when created, so when
    // index.html's early answer is already here, the user is known at once and the page is
    // built in one go, without building placeholder rows and tearing them down first.
    let user = AsyncDerived::new_unsync(move || {
        session_changes.track();
        api::current_user()
    });
    let session_changed = Callback::new(move |()| set_session_changes.update(|changes| *changes += 1));
    // The first page needs no user unless "Requested by me" is on: it is asked for at once,
    // beside GET /user, instead of after it.
    let first_view = TableQuery::from_query_string(&use_location().search.get_untracked());
    let first_page = StoredValue::new_local((!first_view.mine).then(|| FirstPage::ask(first_view.list_params(""))));

    view! {
        // Until the user is known, index.html's shell shows the page's frame and placeholder rows.
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let user = user.await;
                crate::startup::shell_done();
                if user.is_err() {
                    // Signed in, the page is shown with its first rows (SignedInView).
                    crate::startup::page_shown();
                }
                match user {
                    Ok(user) => {
                        login::forget_sent();
                        view! { <SignedInView user on_session_changed=session_changed first_page=first_page.get_value() /> }.into_any()
                    }
                    Err(error) => without_user(error, session_changed),
                }
            })}
        </Transition>
    }
}

/// The page without a signed-in user: the sign-in, or why there is none. Kept out of the
/// page's start (`inline(never)`): a signed-in start never draws it, and the release build's
/// code split leaves what the start does not run for later.
#[inline(never)]
fn without_user(error: ApiError, session_changed: Callback<()>) -> AnyView {
    match error {
        ApiError::NotAuthenticated => match login::next_step() {
            LoginStep::NotConfigured => view! { <SignIn on_signed_in=session_changed /> }.into_any(),
            LoginStep::Redirect(address) => {
                // The deployment's own login (config.json), which sends the user back here.
                let _ = window().location().set_href(&address);
                view! { <p class="page" role="status">{t("Signing in…")}</p> }.into_any()
            }
            LoginStep::Link(address) => view! { <LoginElsewhere address round_trip_failed=false /> }.into_any(),
            LoginStep::RoundTripFailed(address) => view! { <LoginElsewhere address round_trip_failed=true /> }.into_any(),
        },
        error => view! { <main class="page"><ErrorMessage error /></main> }.into_any(),
    }
}

/// The deployment's login as a link: in a frame (login pages refuse frames, so it opens in the
/// whole window), or after a round trip to it that gave the hub no session (said, not repeated).
#[component]
fn LoginElsewhere(address: String, round_trip_failed: bool) -> impl IntoView {
    let (said, link, target) = if round_trip_failed {
        (
            t("You signed in, but the hub still sees no session for this app: the browser does not send the \
               hub's session cookie (the hub is on another site, or cookies are blocked). Tell whoever runs this site."),
            t("Sign in again"),
            None,
        )
    } else {
        (t("You are not signed in."), t("Sign in"), Some("_top"))
    };
    view! {
        <main class="page sign-in">
            <h1>{t("Sign in")}</h1>
            <p class:message=round_trip_failed class:message-error=round_trip_failed role=round_trip_failed.then_some("alert")>{said}</p>
            <p><a href=address target=target>{link}</a></p>
        </main>
    }
}

/// What the routes inside the table page (the Edit Credentials dialog) share with it.
#[derive(Clone, Copy)]
pub struct TablePage {
    /// The request whose Edit Credentials dialog is open, if any: set by its row at once, and
    /// by its address (a deep link, Back, Forward). Set only to another value: each change
    /// draws the dialog anew.
    editing: RwSignal<Option<String>>,
    /// Whether the Edit Credentials dialog drawn waits, unseen, for the click on its row's
    /// link, which is still pressed (see `edit_on_press`).
    edit_held_back: RwSignal<bool>,
    /// Whether the address is the Edit Credentials dialog's own (its route is shown).
    at_edit_address: StoredValue<bool>,
    /// Whether the Edit Credentials dialog holds input, for Back to ask before it goes.
    pub edit_input: UnsavedInput,
    /// Goes to Edit Credentials' address for the request named, over the table as it is.
    return_to_edit_address: Callback<String>,
    pub user: StoredValue<User>,
    refresh: Callback<()>,
    toast: RwSignal<Option<String>>,
    /// Where focus goes once the table shows its rows again.
    focus_after_render: PendingFocus,
    /// The request saved a moment ago, marked in the table for a while.
    saved: RwSignal<Option<String>>,
    /// The rows the table shows, as loaded.
    rows: StoredValue<Vec<ConnectionRequest>>,
}

impl TablePage {
    /// The address has become Edit Credentials' for request `id`: its dialog shows, unless it
    /// does already (opened from its row, it stays as it is).
    pub fn edit_address_reached(&self, id: String) {
        self.at_edit_address.set_value(true);
        set_if_changed(self.editing, Some(id));
        set_if_changed(self.edit_held_back, false);
    }

    /// Whether the Edit Credentials dialog drawn shows (or waits for its click, see `editing`).
    pub fn edit_shown(&self) -> Signal<bool> {
        let held_back = self.edit_held_back;
        Signal::derive(move || !held_back.get())
    }

    /// The address is no longer Edit Credentials' (Back, or the dialog closed): it closes. With
    /// input in it (Back, Escape did not come first), it stays, its address comes back, and it
    /// asks as Cancel does: Discard closes it, Keep editing keeps it.
    pub fn edit_address_left(&self) {
        let _ = self.at_edit_address.try_set_value(false);
        let Some(Some(id)) = self.editing.try_get_untracked() else { return };
        if self.edit_input.held() {
            let (unsaved, return_to) = (self.edit_input, self.return_to_edit_address);
            // Once the router is done with its way out.
            queue_microtask(move || {
                return_to.run(id);
                unsaved.ask_to_close();
            });
            return;
        }
        self.editing.set(None);
    }

    /// Closes Edit Credentials; true if the address is still the dialog's, to be left.
    pub fn close_edit(&self) -> bool {
        set_if_changed(self.editing, None);
        self.at_edit_address.get_value()
    }

    /// Puts focus back on the Edit Credentials control of request `id`: at once, or, when the
    /// table is reloading, once it shows the new rows.
    pub fn return_focus(&self, id: &str, after_reload: bool) {
        self.return_focus_to(edit_link_id(id), after_reload);
    }

    /// Puts focus on the element with `element_id`: at once, or once the table shows its
    /// rows again.
    pub fn return_focus_to(&self, element_id: String, after_reload: bool) {
        self.focus_after_render.ask(element_id);
        if !after_reload {
            let pending = self.focus_after_render;
            request_animation_frame(move || pending.focus_now());
        }
    }

    /// Request `id` as the table shows it, if it does: a dialog opened from its row needs no
    /// round trip to the hub first (a save of stale data gets the hub's 412 and says so).
    pub fn shown_request(&self, id: &str) -> Option<ConnectionRequest> {
        self.rows.with_value(|rows| rows.iter().find(|request| request.id == id).cloned())
    }

    /// After a save: the rows show it without a page reload, the row is marked, a toast says so.
    pub fn credentials_saved(&self, updated: &ConnectionRequest) {
        self.announce(t("You've updated the API Portal access credentials successfully.").to_owned(), &updated.id);
    }

    /// After a change to request `id`: the rows show it, the row is marked, a toast says `message`.
    pub fn announce(&self, message: String, id: &str) {
        self.refresh.run(());
        self.toast.set(Some(message.clone()));
        self.saved.set(Some(id.to_owned()));
        let (toast, saved, id) = (self.toast, self.saved, id.to_owned());
        set_timeout(
            move || {
                // Unless a later save put up its own.
                toast.update(|shown| {
                    if shown.as_ref() == Some(&message) {
                        *shown = None;
                    }
                });
                saved.update(|shown| {
                    if shown.as_ref() == Some(&id) {
                        *shown = None;
                    }
                });
            },
            SAVED_NOTICE,
        );
    }
}

/// A page of requests with the view it was asked for. The table takes its headers (sort,
/// filter) from here, not from the URL: when the user picks another view while a page is
/// loading, the load ends with the rows of the newer view, and the table must describe those.
#[derive(Clone)]
struct LoadedPage {
    view: TableQuery,
    result: Result<Page<ConnectionRequest>, ApiError>,
}

/// A dialog the table page opens over the table (Edit Credentials, which has an address of its
/// own, is apart).
#[derive(Clone)]
enum TableDialog {
    Details(ConnectionRequest),
    New,
    Test(ConnectionRequest),
    Decide(ConnectionRequest, Decision),
}

/// The hub's answer to a request for a page of the list.
type PageAnswer = Result<Page<ConnectionRequest>, ApiError>;

/// A page of the list asked for before the user was known, for the table's first load. Not a
/// reactive resource: awaited inside the table's resource, one would be tracked by it, and its
/// arrival would load the page a second time.
#[derive(Clone)]
struct FirstPage {
    params: ListParams,
    answer: Rc<RefCell<Option<PageAnswer>>>,
    /// Settles when the answer is in; none if it was there at once.
    arrived: Option<js_sys::Promise>,
}

impl FirstPage {
    /// Asks for the page of `params` at once: taken there and then if index.html's early answer
    /// is already here, else when it comes.
    fn ask(params: ListParams) -> Self {
        let answer = Rc::new(RefCell::new(None));
        let mut asking = Box::pin({
            let (params, answer) = (params.clone(), Rc::clone(&answer));
            async move {
                *answer.borrow_mut() = Some(api::connection_requests(&params).await);
                Ok(wasm_bindgen::JsValue::UNDEFINED)
            }
        });
        // Polled once here with no waker, then (if pending) by `future_to_promise`, whose polls
        // bring theirs: each `JsFuture` on the way keeps the waker of its latest poll.
        let arrived = match asking.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(_) => None,
            Poll::Pending => Some(wasm_bindgen_futures::future_to_promise(asking)),
        };
        Self { params, answer, arrived }
    }

    /// Its answer, once, if it was asked for with `params` and succeeded (a failure, say before
    /// signing in, is asked for again).
    async fn take_for(&self, params: &ListParams) -> Option<Page<ConnectionRequest>> {
        if self.params != *params {
            return None;
        }
        if let Some(arrived) = &self.arrived {
            let _ = wasm_bindgen_futures::JsFuture::from(arrived.clone()).await;
        }
        self.answer.borrow_mut().take().and_then(Result::ok)
    }
}

#[component]
fn SignedInView(user: User, #[prop(into)] on_session_changed: Callback<()>, first_page: Option<FirstPage>) -> impl IntoView {
    crate::page_title::name_page(t("Connection requests"));
    let location = use_location();
    let view = Memo::new(move |_| TableQuery::from_query_string(&location.search.get()));
    let focus_after_render = PendingFocus::default();
    let navigate = use_navigate();
    let go = Callback::new(move |next: TableQuery| {
        // The control that asked may be drawn anew with the rows; focus finds it again.
        match document().active_element().map(|element| element.id()).filter(|id| !id.is_empty()) {
            Some(active) => focus_after_render.ask(active),
            None => focus_after_render.clear(),
        }
        navigate(&next.href(), NavigateOptions::default());
    });

    // Fresh data when the window regains focus, and on "Retry".
    let (refreshes, set_refreshes) = signal(0u32);
    let refresh = move || set_refreshes.update(|count| *count += 1);
    let focus_listener = window_event_listener(leptos::ev::focus, move |_| refresh());
    on_cleanup(move || focus_listener.remove());

    let user_id = user.id.clone();
    let params = Memo::new(move |_| view.with(|view| view.list_params(&user_id)));
    // As the user above: an early first page that is already here is drawn at once.
    let page = AsyncDerived::new_unsync(move || {
        refreshes.track();
        let params = params.get();
        let asked_view = view.get_untracked();
        let first_page = first_page.clone();
        async move {
            let result = match async { first_page?.take_for(&params).await }.await {
                Some(page) => Ok(page),
                None => api::connection_requests(&params).await,
            };
            LoadedPage { view: asked_view, result }
        }
    });
    // How many requests match, and how many of each status (the tabs count what the search and
    // "Requested by me" leave, whatever the status tab): as the last page that came says, while
    // the next one loads. Set as a page comes (below; the tabs, drawn before it, take theirs a
    // moment later), not read from `page`: out of the table's `Transition`, a read of a page
    // still on its way would hold back the whole view's first drawing, not the table's only.
    let count = RwSignal::new(None::<u64>);
    let status_counts = RwSignal::new(None::<CountsByStatus>);
    // "Switch user" is there while the development login is on: asked once the first page has
    // come and with it the whole app's code, so that it never delays the rows.
    let dev_login = RwSignal::new(false);
    let dev_login_asked = StoredValue::new(false);
    let ask_dev_login = move || {
        if !dev_login_asked.get_value() {
            dev_login_asked.set_value(true);
            leptos::task::spawn_local(async move {
                if crate::startup::whole_code().await {
                    let _ = dev_login.try_set(api::sign_in_users().await.is_ok());
                }
            });
        }
    };
    // The dialog open over the table, if any: one at a time, in one place of the page. Each is
    // opened from the page itself, never from another dialog (a modal makes the page inert), so
    // that the dialog's opener, where focus returns, is on the page.
    let dialog = RwSignal::new(None::<TableDialog>);
    let editing = RwSignal::new(None::<String>);
    // Edit Credentials from its row: the dialog at once, its address (for Back, Forward and a
    // reload) once the dialog is on screen. The route change is work the user does not see, and
    // it was about a tenth of the time to the dialog on a slow device (issue #13).
    let navigate_to_edit = use_navigate();
    let address = {
        let location = use_location();
        move || location.pathname.try_get_untracked().zip(location.search.try_get_untracked())
    };
    let edit_held_back = RwSignal::new(false);
    let open_edit_credentials = move |id: String| {
        set_if_changed(editing, Some(id.clone()));
        set_if_changed(edit_held_back, false);
        let href = view.get_untracked().edit_href(&id);
        let opened_at = address();
        let navigate = navigate_to_edit.clone();
        crate::idle::after_next_frame(move || {
            // Unless it was closed in the meantime; if the address changed under it (Back), it
            // closes instead.
            if editing.try_with_untracked(|editing| editing.as_ref() == Some(&id)) != Some(true) {
                return;
            }
            if address() == opened_at {
                navigate(&href, keeping_the_table_in_place());
            } else {
                editing.set(None);
            }
        });
    };
    // Its row's Edit Credentials link pressed: the dialog is drawn, unseen, for the click to
    // show; without the click, it goes (see `edit_on_press`). Not while another dialog is open,
    // nor for a request the user may not edit (the click shows why).
    let pressed_user = user.clone();
    let prepare_edit_credentials = Callback::new(move |request: ConnectionRequest| {
        // (Or the page gone: nothing to draw on.)
        let busy = move || editing.try_with_untracked(Option::is_some) != Some(false) || dialog.try_with_untracked(Option::is_some) != Some(false);
        if busy() || can_edit_credentials(&request, &pressed_user).is_err() {
            return;
        }
        let id = request.id;
        let drawn = id.clone();
        let draw = move || {
            if !busy() {
                edit_held_back.set(true);
                editing.set(Some(drawn));
            }
        };
        let let_go = move || {
            let still_held = edit_held_back.try_get_untracked() == Some(true);
            if still_held && editing.try_with_untracked(|editing| editing.as_ref() == Some(&id)) == Some(true) {
                editing.set(None);
                edit_held_back.set(false);
            }
        };
        edit_on_press::while_pressed(draw, let_go);
    });
    let on_action = Callback::new(move |action: RowAction| match action {
        RowAction::Edit(request) => open_edit_credentials(request.id),
        RowAction::View(request) => dialog.set(Some(TableDialog::Details(request))),
        RowAction::Test(request) => dialog.set(Some(TableDialog::Test(request))),
        RowAction::Decide(request, decision) => dialog.set(Some(TableDialog::Decide(request, decision))),
    });
    let on_sort = Callback::new(move |field: SortField| go.run(view.get_untracked().sorted_by(field)));
    let on_search = Callback::new(move |search: String| go.run(view.get_untracked().with_search(&search)));
    let toast = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let navigate_to_edit_again = use_navigate();
    let return_to_edit_address = Callback::new(move |id: String| {
        navigate_to_edit_again(&view.get_untracked().edit_href(&id), keeping_the_table_in_place());
    });
    let table = TablePage {
        editing,
        edit_held_back,
        at_edit_address: StoredValue::new(false),
        edit_input: UnsavedInput::new(),
        return_to_edit_address,
        user: StoredValue::new(user.clone()),
        refresh: Callback::new(move |()| refresh()),
        toast,
        focus_after_render,
        saved,
        rows: StoredValue::new(Vec::new()),
    };
    provide_context(table);
    // The Edit Credentials dialog, built off the page once a page has come and with it the whole
    // app's code, while the browser is idle, for the first row the user may edit: its first
    // opening is then quicker (see edit_credentials::warm_up). It is due until it has been done:
    // each page that comes may give it its moment, one at a time. (A browser without
    // requestIdleCallback, such as Safari, goes without.)
    let warm_up_due = StoredValue::new(true);
    let warm_up_edit_credentials = move || {
        if warm_up_due.try_get_value() != Some(true) {
            return;
        }
        warm_up_due.set_value(false);
        leptos::task::spawn_local(async move {
            // In German, with the findings' texts too (the dialog shows a finding from the start).
            crate::startup::findings_texts_settled().await;
            if !crate::startup::whole_code().await || crate::i18n::findings_due() {
                let _ = warm_up_due.try_set_value(true);
                return;
            }
            if !crate::idle::next_moment().await {
                return;
            }
            // The page is gone.
            let Some(user) = table.user.try_get_value() else { return };
            // A dialog open already: its own code has run, and this is no idle moment.
            let dialog_open = document().query_selector("dialog[open]").ok().flatten().is_some();
            let editable = |rows: &Vec<ConnectionRequest>| rows.iter().find(|row| can_edit_credentials(row, &user).is_ok()).cloned();
            match table.rows.try_with_value(editable).flatten().filter(|_| !dialog_open) {
                Some(request) => crate::components::edit_credentials::warm_up(request, user).await,
                None => {
                    let _ = warm_up_due.try_set_value(true);
                }
            }
        });
    };
    // A test started when its dialog opened, and the hub keeps its outcome even if the dialog
    // closed before it was known: the table is reloaded either way.
    let tested = move |id: String, _ran: bool| {
        dialog.set(None);
        refresh();
        table.return_focus_to(action_id("test", &id), true);
    };
    let may_submit = can_submit(&user);
    let new_request_user = user.clone();
    let submitted = move |created: ConnectionRequest| {
        dialog.set(None);
        // The newest first, so that the new row is in sight.
        if view.get_untracked() != TableQuery::default() {
            go.run(TableQuery::default());
        }
        // Focus goes back to "Connect API Portal"; the toast and the marked row tell the rest.
        let alias = &created.api_portal_alias;
        table.announce(tf("You've submitted {alias}. A hub administrator will review it.", &[("alias", alias)]), &created.id);
    };
    let decided = move |decided: ConnectionRequest| {
        dialog.set(None);
        let alias = &decided.api_portal_alias;
        let message = if decided.status == api::Status::Approved {
            tf("You've approved {alias}.", &[("alias", alias)])
        } else {
            tf("You've rejected {alias}.", &[("alias", alias)])
        };
        table.announce(message, &decided.id);
        table.return_focus_to(action_id("view", &decided.id), true);
    };

    view! {
        <AppHeader user=user.clone() dev_login=dev_login.into() on_session_changed />
        <main class="page">
            <div class="page-title">
                <h1>{t("Connection requests")}</h1>
                {may_submit.then(|| view! {
                    <button type="button" id="connect-api-portal" class="button button-emphasized" on:click=move |_| dialog.set(Some(TableDialog::New))>
                        {t("Connect API Portal")}
                    </button>
                })}
            </div>
            <div class="toolbar">
                <SearchBox search=Signal::derive(move || view.with(|view| view.search.clone())) on_search />
                <div class="view-options">
                    <MineFilter view on_change=go />
                    <SortSelect view on_change=go />
                </div>
                <StatusTabs view counts=status_counts />
            </div>
            <Transition fallback=move || view! { <RequestTableSkeleton rows=view.with(|view| view.page_size) /> }>
                {move || {
                    let user = user.clone();
                    Suspend::new(async move {
                        let LoadedPage { view: current, result: page } = page.await;
                        table.rows.set_value(page.as_ref().map(|page| page.results.clone()).unwrap_or_default());
                        set_if_changed(count, page.as_ref().ok().map(|page| page.count));
                        set_if_changed(status_counts, page.as_ref().ok().and_then(|page| page.counts_by_status));
                        // The table's focused control, as the old rows are about to give way.
                        let kept = KeptFocus::now();
                        // After the frame that shows the rows.
                        request_animation_frame(move || focus_after_render.after_render(kept));
                        request_animation_frame(move || {
                            crate::startup::page_shown();
                            ask_dev_login();
                            warm_up_edit_credentials();
                        });
                        match page {
                            Ok(result) if result.count == 0 => view! { <EmptyState view=current on_clear=go /> }.into_any(),
                            Ok(result) => {
                                let now = (js_sys::Date::now() / 1000.0) as i64;
                                view! { <RequestTable requests=result.results view=current user now saved on_sort on_action on_edit_pressed=prepare_edit_credentials /> }.into_any()
                            }
                            Err(error) => page_failed(error, on_session_changed, table.refresh),
                        }
                    })
                }}
            </Transition>
            <Show when=move || count.get().is_some_and(|count| count > 0)>
                <Pager view count on_change=go />
            </Show>
            {move || dialog.get().map(|open| match open {
                TableDialog::Details(request) => view! { <RequestDetails request on_close=move |()| dialog.set(None) /> }.into_any(),
                TableDialog::New => view! {
                    <NewRequestDialog user=new_request_user.clone() on_close=move |()| dialog.set(None) on_submitted=submitted />
                }
                .into_any(),
                TableDialog::Test(request) => {
                    let id = request.id.clone();
                    view! { <TestConnectionDialog request on_close=move |ran| tested(id.clone(), ran) /> }.into_any()
                }
                TableDialog::Decide(request, decision) => view! {
                    <DecisionDialog request decision on_decided=decided on_close=move |changed| {
                        dialog.set(None);
                        if changed {
                            refresh();
                        }
                    } />
                }
                .into_any(),
            })}
            <Outlet />
            {move || editing.get().map(edit_credentials)}
            <div class="toast" role="status" aria-live="polite">
                {move || toast.get().map(|message| view! { <p class="message tone-positive">{message}</p> })}
            </div>
        </main>
    }
}

/// The Edit Credentials dialog for request `id`. A function of its own, its view type erased,
/// so that the page's start, which never draws it, does not carry its code (the release build's
/// code split moves what the start does not run).
#[inline(never)]
fn edit_credentials(id: String) -> AnyView {
    view! { <EditCredentials id /> }.into_any()
}

/// Sets `signal` to `value` unless it holds that already (so that what shows it is not drawn again).
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// What the table shows when its page could not be loaded. Kept out of the table's code at the
/// start, as [`without_user`] is.
#[inline(never)]
fn page_failed(error: ApiError, on_session_changed: Callback<()>, retry: Callback<()>) -> AnyView {
    match error {
        ApiError::NotAuthenticated => {
            on_session_changed.run(());
            ().into_any()
        }
        error if !error.is_transient() => view! {
            <div class="message message-information" role="alert">
                <p>{tf("Connection requests cannot be shown to you. {error}", &[("error", &error)])}</p>
            </div>
        }
        .into_any(),
        error => view! {
            <div class="message message-error" role="alert">
                <p>{tf("The connection requests could not be loaded. {error}", &[("error", &error)])}</p>
                <button type="button" class="button" on:click=move |_| retry.run(())>{t("Retry")}</button>
            </div>
        }
        .into_any(),
    }
}
