print("sharesim")
