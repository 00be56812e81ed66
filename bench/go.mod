module github.com/retecomuni/eli2sdk/bench

go 1.26.8

require github.com/retecomuni/eli2sdk v0.0.0

require golang.org/x/text v0.44.0 // indirect

replace github.com/retecomuni/eli2sdk => ../
