MORE: list = []
