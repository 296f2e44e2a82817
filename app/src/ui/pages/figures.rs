use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_figures, FiguresCsv, FiguresView};
use crate::ui::components::{fetch, loaded, query, Card, Layout};
use crate::ui::locale::use_texts;

/// Anonymous figures for the funders, per area. The period is chosen with a
/// plain GET form, so the page works without JavaScript.
#[component]
pub fn FiguresPage() -> impl IntoView {
    let t = use_texts();
    let figures = fetch(
        || (query("from"), query("to")),
        |(from, to)| load_figures(from, to),
    );
    view! {
        <Layout title=t.figures_title>
            <p class="hint">{t.figures_lead}</p>
            {loaded(figures, |view| view! { <Figures view/> })}
        </Layout>
    }
}

#[component]
fn Figures(view: FiguresView) -> impl IntoView {
    let t = use_texts();
    let csv = format!(
        "{}?from={}&to={}",
        FiguresCsv::url(),
        view.from.iso(),
        view.to.iso()
    );
    view! {
        <Card id="period" title=t.figures_period>
            <form class="row-fields" method="get" action="/figures">
                <span class="field">
                    <label for="from">{t.figures_from}</label>
                    <input id="from" name="from" type="date" value=view.from.iso() required/>
                </span>
                <span class="field">
                    <label for="to">{t.figures_to}</label>
                    <input id="to" name="to" type="date" value=view.to.iso() required/>
                </span>
                <button type="submit">{t.figures_show}</button>
            </form>
        </Card>
        <section class="card figures" aria-labelledby="figures-table">
            <h2 id="figures-table">{view.from.to_string()} "–" {view.to.to_string()}</h2>
            // Scrolls sideways on a narrow phone: reachable by keyboard too.
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures-table">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t.area_title}</th>
                            <th scope="col">{t.groups_title}</th>
                            <th scope="col">{t.figures_participants}</th>
                            <th scope="col">{t.steps_done}</th>
                            <th scope="col">{t.figures_milestones}</th>
                            <th scope="col">{t.figures_peer_workers}</th>
                            <th scope="col">{t.figures_peer_work}</th>
                            <th scope="col">{t.figures_overdose_aid}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {view
                            .rows
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <th scope="row">{r.area}</th>
                                        <td>{r.groups.to_string()}</td>
                                        <td>{r.participants.to_string()}</td>
                                        <td>{r.steps_done.to_string()}</td>
                                        <td>{r.milestones_reached.to_string()}</td>
                                        <td>{r.peer_workers.to_string()}</td>
                                        <td>{r.peer_work.to_string()}</td>
                                        <td>{r.overdose_aid.to_string()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint">{t.figures_under_five}</p>
            <a class="button" href=csv download>{t.figures_download}</a>
        </section>
    }
}
