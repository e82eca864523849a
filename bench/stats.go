package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// pct returns the p-th percentile (nearest rank) of ds; ds is sorted in place.
func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	i := int(float64(len(ds))*p/100+0.999999) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(ds) {
		i = len(ds) - 1
	}
	return ds[i]
}

// ms formats a duration in milliseconds.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 10:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.2f ms", v)
}

// loadResult is what a closed-loop load run measured.
type loadResult struct {
	ops      int
	errs     int
	firstErr error
	elapsed  time.Duration
	lats     []time.Duration
}

func (r loadResult) tps() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.ops) / r.elapsed.Seconds()
}

// runLoad runs `workers` closed-loop workers calling op until dur has passed (or maxOps per
// worker, or ctx ends) and collects every successful call's latency.
func runLoad(ctx context.Context, workers int, dur time.Duration, maxOps int, op func(ctx context.Context, worker int) error) loadResult {
	ctx, cancel := context.WithTimeout(ctx, dur+30*time.Second)
	defer cancel()
	var (
		mu  sync.Mutex
		res loadResult
		wg  sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(dur)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			lats := make([]time.Duration, 0, 1024)
			errs := 0
			var firstErr error
			for n := 0; n < maxOps && time.Now().Before(deadline) && ctx.Err() == nil; n++ {
				t0 := time.Now()
				if err := op(ctx, w); err != nil {
					errs++
					if firstErr == nil {
						firstErr = err
					}
					continue
				}
				lats = append(lats, time.Since(t0))
			}
			mu.Lock()
			res.lats = append(res.lats, lats...)
			res.ops += len(lats)
			res.errs += errs
			if res.firstErr == nil {
				res.firstErr = firstErr
			}
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// parallel runs fn(i) for i in [0,n) on `workers` goroutines and returns the first error.
func parallel(ctx context.Context, n, workers int, fn func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	idx := make(chan int)
	errc := make(chan error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				if err := fn(ctx, i); err != nil {
					errc <- err
					cancel()
					return
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case idx <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(idx)
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
		return ctx.Err()
	}
}
