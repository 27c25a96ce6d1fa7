//! A radar chart in inline SVG, with the same figures as a text list for
//! screen readers and print.

use crate::core::text::{percent, tenths};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    pub title: AttrValue,
    /// (axis label, value 0–100)
    pub axes: Vec<(String, f64)>,
}

const SIZE: f64 = 320.0;
const CENTER: f64 = SIZE / 2.0;
const RADIUS: f64 = 110.0;

/// Point at `fraction` of the radius on axis `i` of `n`, starting at the top.
fn point(i: usize, n: usize, fraction: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    (
        CENTER + RADIUS * fraction * angle.cos(),
        CENTER + RADIUS * fraction * angle.sin(),
    )
}

fn polygon(n: usize, fraction: impl Fn(usize) -> f64) -> String {
    (0..n)
        .map(|i| {
            let (x, y) = point(i, n, fraction(i));
            format!("{},{}", tenths(x), tenths(y))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn Radar(props: &RadarProps) -> Html {
    let n = props.axes.len();
    if n < 3 {
        return Html::default(); // a radar needs three axes; callers show bars instead
    }
    let rings = [0.25, 0.5, 0.75, 1.0]
        .map(|f| html! { <polygon class="radar-ring" points={polygon(n, |_| f)} /> });
    let spokes = (0..n).map(|i| {
        let (x, y) = point(i, n, 1.0);
        html! { <line class="radar-spoke" x1={tenths(CENTER)} y1={tenths(CENTER)} x2={tenths(x)} y2={tenths(y)} /> }
    });
    let labels = props.axes.iter().enumerate().map(|(i, (label, value))| {
        let (x, y) = point(i, n, 1.22);
        let anchor = if (x - CENTER).abs() < 1.0 { "middle" } else if x > CENTER { "start" } else { "end" };
        html! {
            <text class="radar-label" x={tenths(x)} y={tenths(y)} text-anchor={anchor} dominant-baseline="middle">
                { format!("{label} {}", percent(*value)) }
            </text>
        }
    });
    let values = polygon(n, |i| props.axes[i].1.clamp(0.0, 100.0) / 100.0);
    html! {
        <figure class="soc2r-radar">
            <svg viewBox={format!("-70 0 {} {SIZE}", SIZE + 140.0)} role="img" aria-labelledby="radar-title">
                <title id="radar-title">{ props.title.clone() }</title>
                { for rings }
                { for spokes }
                <polygon class="radar-value" points={values} />
                { for labels }
            </svg>
            <figcaption>
                { props.title.clone() }
                <ul class="visually-hidden">
                    { for props.axes.iter().map(|(l, v)| html! { <li>{ format!("{l}: {}", percent(*v)) }</li> }) }
                </ul>
            </figcaption>
        </figure>
    }
}
