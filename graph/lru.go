package graph

import (
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// lruMap is a bounded map for caches: once it holds its size, adding forgets the least
// recently used entry (golang-lru's simplelru, under a mutex so that add-if-absent and
// drop-if-unchanged are atomic). The zero value is ready; the first add sets the size.
type lruMap[K, V comparable] struct {
	mu  sync.Mutex
	lru *simplelru.LRU[K, V]
}

func (c *lruMap[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru == nil {
		var zero V
		return zero, false
	}
	return c.lru.Get(k)
}

// add stores v under k unless k already has a value, and returns k's value.
func (c *lruMap[K, V]) add(k K, v V, size int) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sized(size)
	if old, ok := c.lru.Get(k); ok {
		return old
	}
	c.lru.Add(k, v)
	return v
}

// drop removes k if it still holds v.
func (c *lruMap[K, V]) drop(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru == nil {
		return
	}
	if old, ok := c.lru.Peek(k); ok && old == v {
		c.lru.Remove(k)
	}
}

// len is the number of entries.
func (c *lruMap[K, V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru == nil {
		return 0
	}
	return c.lru.Len()
}

// set stores v under k, replacing any value.
func (c *lruMap[K, V]) set(k K, v V, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sized(size)
	c.lru.Add(k, v)
}

// sized creates the LRU with its size on first use; c.mu is held.
func (c *lruMap[K, V]) sized(size int) {
	if c.lru == nil {
		c.lru, _ = simplelru.NewLRU[K, V](size, nil) // errors only for size <= 0
	}
}
