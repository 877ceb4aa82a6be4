import { exposedNames, promqlNames } from './promql-names';

describe('promqlNames', () => {
  it('takes metric names, not functions, keywords, labels, strings, ranges or variables', () => {
    const expr = 'histogram_quantile(0.99, sum by (namespace, le) (rate(edict_pdp_http_request_duration_seconds_bucket{route="/v1/decisions", method="POST"}[$__rate_interval]))) > 0.1 and on (namespace) edict_pdp_decisions_total offset 15m';
    expect(promqlNames(expr)).toEqual({ names: ['edict_pdp_decisions_total', 'edict_pdp_http_request_duration_seconds_bucket'], patterns: [] });
  });

  it('takes __name__ matchers as anchored patterns', () => {
    expect(promqlNames('max by (relay) ({__name__=~"edict_[a-z_]+_relay_lag_events", status=~"5.."}) or {__name__="up"}')).toEqual({ names: [], patterns: ['edict_[a-z_]+_relay_lag_events', 'up'] });
  });

  it('takes the metric of a Grafana label_values query and ignores $variables', () => {
    expect(promqlNames('label_values(edict_pdp_decisions_total, policy)').names).toEqual(['edict_pdp_decisions_total']);
    expect(promqlNames('sum(rate(x_total{policy=~"$policy"}[5m])) * 1e-3 / y').names).toEqual(['x_total', 'y']);
  });
});

describe('exposedNames', () => {
  it('expands histograms and keeps plain series', () => {
    const names = exposedNames('# HELP h x\n# TYPE h histogram\nh_bucket{le="1"} 0\n# TYPE c counter\nc_total 1\n');
    expect([...names].sort()).toEqual(['c', 'c_total', 'h', 'h_bucket', 'h_count', 'h_sum']);
  });
});
