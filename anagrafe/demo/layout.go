package demo

// Registration order. A real register numbers people as they register
// (birth, immigration, move into the comune), so the members of one
// household, who arrive at different times, get ids far apart (issue 12:
// a contiguous layout flatters every export benchmark). The generator
// builds a household at a time with provisional sequence numbers 0…N−1 and
// maps each to a register number with a keyed permutation of [0, N):
// deterministic for a seed, constant memory, and every household scattered
// over the whole register. Within a household the numbers drawn are given
// in ascending order, head first: the head registered first, children
// after their parents.

// scatter is a pseudo-random permutation of [0, n): a balanced Feistel
// network on the smallest even number of bits covering n, with cycle
// walking back into [0, n).
type scatter struct {
	n    uint64
	half uint   // bits of each half
	mask uint64 // half-width mask
	key  [4]uint64
}

func newScatter(n int, seed int64) scatter {
	bits := uint(1)
	for uint64(1)<<bits < uint64(n) {
		bits++
	}
	if bits%2 == 1 {
		bits++
	}
	s := scatter{n: uint64(n), half: bits / 2}
	s.mask = 1<<s.half - 1
	x := uint64(seed) ^ 0x9e3779b97f4a7c15
	for i := range s.key {
		x = splitmix(x)
		s.key[i] = x
	}
	return s
}

// at returns the image of i (0 ≤ i < n).
func (s scatter) at(i int) int {
	x := uint64(i)
	for {
		x = s.round(x)
		if x < s.n {
			return int(x)
		}
	}
}

func (s scatter) round(x uint64) uint64 {
	l, r := x>>s.half, x&s.mask
	for _, k := range s.key {
		l, r = r, l^(splitmix(r^k)&s.mask)
	}
	return l<<s.half | r
}

// splitmix is the finaliser of SplitMix64, a good 64-bit mixing function.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}
