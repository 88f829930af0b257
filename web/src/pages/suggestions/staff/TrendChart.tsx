import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type EChartsType, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";

// Only the pieces used here (see components/BarChart.tsx): SVG, crisp at any size.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface TrendSeries {
  name: string;
  values: readonly number[];
  color: string;
  /** Drawn as a line over the bars (e.g. a count that should stay near zero). */
  line?: boolean;
}

interface TrendChartProps {
  /** One label per period, e.g. "3月". */
  labels: readonly string[];
  series: readonly TrendSeries[];
  /** Spoken instead of the picture: the same figures in words. */
  ariaLabel: string;
  height?: number;
}

/** Vertical bars per month (received, closed …), optionally a line, with a legend and a tooltip. */
export function TrendChart({ labels, series, ariaLabel, height = 300 }: TrendChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [width, setWidth] = useState(0);

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
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || width === 0) return;
    const narrow = width < 520;
    const fontFamily = container.current ? getComputedStyle(container.current).fontFamily : "sans-serif";
    instance.setOption(
      {
        animationDurationUpdate: 500,
        textStyle: { fontFamily, fontSize: 13 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0, left: 0, itemGap: 16, textStyle: { fontSize: 13, color: "#374151" } },
        grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
        xAxis: {
          type: "category",
          data: [...labels],
          axisTick: { show: false },
          axisLine: { lineStyle: { color: "#d1d5db" } },
          axisLabel: {
            color: "#374151",
            fontSize: 12,
            interval: narrow && labels.length > 6 ? "auto" : 0,
            hideOverlap: true,
          },
        },
        yAxis: {
          type: "value",
          minInterval: 1,
          splitLine: { lineStyle: { color: "#eef1f5" } },
          axisLabel: { color: "#6b7280", fontSize: 12 },
        },
        series: series.map((s) =>
          s.line
            ? {
                name: s.name,
                type: "line",
                data: [...s.values],
                smooth: false,
                symbolSize: 6,
                itemStyle: { color: s.color },
                lineStyle: { color: s.color, width: 2 },
                z: 3,
              }
            : {
                name: s.name,
                type: "bar",
                data: [...s.values],
                barMaxWidth: 22,
                itemStyle: { color: s.color, borderRadius: [4, 4, 0, 0] },
              },
        ),
      },
      { notMerge: true },
    );
    instance.resize();
  }, [labels, series, width]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      style={{ width: "100%", height }}
      data-testid="trend-chart"
    />
  );
}
