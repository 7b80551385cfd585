module example.com/statuspage

go 1.23
