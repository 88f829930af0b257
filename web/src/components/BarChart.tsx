import { BarChart as EChartsBar } from "echarts/charts";
import { GridComponent } from "echarts/components";
import { type EChartsType, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";

// Only the pieces used here, so the page loads a fraction of ECharts. SVG: crisp text at any
// size (a projector, a phone's high-density screen) and no canvas to blur.
use([EChartsBar, GridComponent, SVGRenderer]);

export interface BarDatum {
  /** The category, e.g. an option's label. */
  label: string;
  value: number;
  /** What to print at the end of the bar, e.g. "12 户 · 980.5㎡"; the value when absent. */
  caption?: string;
  color?: string;
  /** Drawn stronger (a winner). */
  highlight?: boolean;
}

interface BarChartProps {
  data: readonly BarDatum[];
  /** Spoken instead of the picture: the same figures in words. */
  ariaLabel: string;
  /** Text size in px (labels and captions); bars and rows scale with it. */
  fontSize?: number;
  className?: string;
}

let measuringContext: CanvasRenderingContext2D | null = null;

/** Width of a line of text as the page draws it (ECharts must be told the real font to wrap right). */
function textWidth(text: string, font: string): number {
  measuringContext ??= document.createElement("canvas").getContext("2d");
  if (!measuringContext) return text.length * 16;
  measuringContext.font = font;
  return measuringContext.measureText(text).width;
}

/** Horizontal bars, one row per option (labels wrap, as options are often long sentences). */
export function BarChart({ data, ariaLabel, fontSize = 16, className }: BarChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [width, setWidth] = useState(0);
  const [fontFamily, setFontFamily] = useState("sans-serif");

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      setWidth(element.clientWidth);
      instance.resize();
    });
    observer.observe(element);
    setWidth(element.clientWidth);
    setFontFamily(getComputedStyle(element).fontFamily || "sans-serif");
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const rowHeight = Math.round(fontSize * 3.4);
  const height = Math.max(1, data.length) * rowHeight + Math.round(fontSize * 1.5);
  // Labels take what the longest needs, up to ~38% of the width (then they wrap); the rest is
  // the bar and its caption.
  const font = `${fontSize}px ${fontFamily}`;
  const longestLabel = Math.max(0, ...data.map((d) => textWidth(d.label, font)));
  const labelWidth = Math.ceil(Math.min(Math.max(72, width * 0.38), longestLabel + 2));
  const captionRoom = Math.ceil(Math.max(0, ...data.map((d) => textWidth(d.caption ?? String(d.value), font))) + 16);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || width === 0) return;
    const max = Math.max(1, ...data.map((d) => d.value));
    instance.setOption(
      {
        animationDurationUpdate: 600,
        textStyle: { fontFamily },
        grid: { left: labelWidth + 12, right: captionRoom, top: 8, bottom: 8 },
        xAxis: { type: "value", max, show: false },
        yAxis: {
          type: "category",
          inverse: true,
          data: data.map((d) => d.label),
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: {
            width: labelWidth,
            overflow: "break",
            fontSize,
            lineHeight: Math.round(fontSize * 1.3),
            color: "#111827",
          },
        },
        series: [
          {
            type: "bar",
            barWidth: Math.round(rowHeight * 0.55),
            showBackground: true,
            backgroundStyle: { color: "#eef1f5", borderRadius: 6 },
            data: data.map((d) => ({
              value: d.value,
              itemStyle: {
                color: d.color ?? "#1a5fb4",
                borderRadius: 6,
                opacity: data.some((x) => x.highlight) && !d.highlight ? 0.55 : 1,
              },
              label: {
                show: true,
                position: "right",
                formatter: d.caption ?? String(d.value),
                fontSize,
                fontWeight: d.highlight ? "bold" : "normal",
                color: "#111827",
              },
            })),
          },
        ],
      },
      { notMerge: false },
    );
    instance.resize();
  }, [data, width, labelWidth, captionRoom, fontSize, rowHeight, fontFamily]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      className={className}
      style={{ width: "100%", height }}
      data-testid="bar-chart"
    />
  );
}
