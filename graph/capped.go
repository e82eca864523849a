package graph

import "sync"

// capped is a mutex-guarded map for caches whose entries never go stale and are cheap to
// rebuild: when it holds size entries it starts over instead of tracking use. The zero value
// is ready.
type capped[K, V comparable] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *capped[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

// add stores v under k unless k already has a value, and returns k's value.
func (c *capped[K, V]) add(k K, v V, size int) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok {
		return old
	}
	if c.m == nil || len(c.m) >= size {
		c.m = map[K]V{}
	}
	c.m[k] = v
	return v
}

// drop removes k if it still holds v.
func (c *capped[K, V]) drop(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m[k] == v {
		delete(c.m, k)
	}
}
