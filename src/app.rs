//! The app's frame: router and routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, NavigateOptions};

use crate::pages::connections::ConnectionsPage;
use crate::pages::edit_credentials::EditCredentialsRoute;
use crate::pages::not_found::NotFoundPage;
use crate::table_query::TableQuery;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=crate::startup::base_path()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=ToTable />
                <ParentRoute path=path!("/connections") view=ConnectionsPage>
                    <Route path=path!("") view=|| () />
                    <Route path=path!(":id/credentials") view=EditCredentialsRoute />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The app's root address, reached within the app (Back to it), leads to the table, keeping the
/// view and the launchpad's parameters; in place, as at the start, where `index.html` has put the
/// table's address in its place before the app starts.
#[component]
fn ToTable() -> impl IntoView {
    let path = TableQuery::from_query_string(&use_location().search.get_untracked()).href();
    view! { <Redirect path options=NavigateOptions { replace: true, ..NavigateOptions::default() } /> }
}
