//! The app's frame: router and routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::pages::connections::ConnectionsPage;
use crate::pages::edit_credentials::EditCredentialsRoute;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=crate::startup::base_path()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=|| view! { <Redirect path="/connections" /> } />
                <ParentRoute path=path!("/connections") view=ConnectionsPage>
                    <Route path=path!("") view=|| () />
                    <Route path=path!(":id/credentials") view=EditCredentialsRoute />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
