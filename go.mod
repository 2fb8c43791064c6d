module dateline

go 1.26
