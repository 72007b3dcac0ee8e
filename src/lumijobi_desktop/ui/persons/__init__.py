"""The Visitors screen: the register of persons, their forms, cards and merging."""
