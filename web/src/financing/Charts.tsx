// The dashboard's charts, drawn by Apache ECharts (only the parts used: bar and line charts, grid,
// tooltip, legend, SVG renderer). This module is imported only by the dashboard's chunk.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartProps {
  kind: 'bar' | 'line';
  /** Names the chart for assistive technology; the figures themselves are in the table. */
  label: string;
  categories: string[];
  series: ChartSeries[];
  elder: boolean;
  testId?: string;
}

const COLOURS = ['#0b4f9c', '#1b6b34', '#7a4b00'];

export function Chart({ kind, label, categories, series, elder, testId }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    const fontSize = elder ? 16 : 12;
    const narrow = element.clientWidth < 480;
    chart.setOption({
      animation: false,
      color: COLOURS,
      textStyle: { fontSize, color: '#1b1b1b' },
      tooltip: { trigger: 'axis', textStyle: { fontSize } },
      legend: { top: 0, textStyle: { fontSize } },
      grid: { left: 8, right: 8, top: elder ? 48 : 36, bottom: 8, containLabel: true },
      // Bars run sideways so that every district's name stays legible, even on a phone.
      ...(kind === 'bar'
        ? {
            yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { fontSize, color: '#1b1b1b' } },
            xAxis: { type: 'value', axisLabel: { fontSize, color: '#1b1b1b', hideOverlap: true } },
          }
        : {
            xAxis: {
              type: 'category',
              data: categories,
              axisLabel: { fontSize, color: '#1b1b1b', hideOverlap: true, rotate: narrow ? 45 : 0 },
            },
            yAxis: { type: 'value', axisLabel: { fontSize, color: '#1b1b1b' } },
          }),
      series: series.map((s) => ({
        name: s.name,
        type: kind,
        data: s.values,
        smooth: false,
        symbolSize: elder ? 10 : 6,
        lineStyle: { width: elder ? 4 : 2 },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [kind, categories, series, elder]);
  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} />;
}
