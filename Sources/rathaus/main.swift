print("rathaus")
