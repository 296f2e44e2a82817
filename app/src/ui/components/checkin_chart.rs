use leptos::prelude::*;

use crate::model::{Aspect, CheckIn};
use crate::ui::locale::use_texts;

/// Check-ins over time, one small line per aspect, drawn on the server as
/// SVG so it shows without JavaScript; a table says the same to screen
/// readers. Seven small charts read better on a phone than one with seven
/// tangled lines.
#[component]
pub fn CheckInChart(series: Vec<CheckIn>) -> impl IntoView {
    let t = use_texts();
    const STEP: usize = 28;
    const HEIGHT: usize = 60;
    let width = (series.len().max(2) - 1) * STEP + 16;
    let y = |r: u8| 8 + (5 - usize::from(r)) * (HEIGHT - 16) / 4;
    let days: Vec<String> = series.iter().map(|c| c.checked_on.to_string()).collect();
    view! {
        <figure class="chart checkin-chart">
            <figcaption>{t.checkin_chart_title}</figcaption>
            <ul class="aspects">
                {Aspect::ALL
                    .into_iter()
                    .map(|aspect| {
                        let points: Vec<(usize, usize)> = series
                            .iter()
                            .enumerate()
                            .map(|(i, c)| (8 + i * STEP, y(c.rating(aspect))))
                            .collect();
                        let line = points
                            .iter()
                            .map(|(x, y)| format!("{x},{y}"))
                            .collect::<Vec<_>>()
                            .join(" ");
                        let values = series
                            .iter()
                            .map(|c| c.rating(aspect).to_string())
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <li>
                                <span class="aspect-name">{t.aspect(aspect)}</span>
                                <svg
                                    viewBox=format!("0 0 {width} {HEIGHT}")
                                    role="img"
                                    aria-label=format!("{}: {values}", t.aspect(aspect))
                                    preserveAspectRatio="xMinYMid meet"
                                >
                                    <line x1="0" x2=width y1=y(3) y2=y(3) class="mid"></line>
                                    <polyline points=line class="trend"></polyline>
                                    {points
                                        .into_iter()
                                        .map(|(x, y)| view! { <circle cx=x cy=y r="4" class="dot"></circle> })
                                        .collect_view()}
                                </svg>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <div class="visually-hidden">
            <table>
                <caption>{t.checkin_chart_title}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {days.iter().map(|d| view! { <th scope="col">{d.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Aspect::ALL
                        .into_iter()
                        .map(|aspect| view! {
                            <tr>
                                <th scope="row">{t.aspect(aspect)}</th>
                                {series.iter().map(|c| view! { <td>{c.rating(aspect)}</td> }).collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        </figure>
    }
}
