"""Data monitoring (数据监测): daily rollups of the community's numbers, and reading them."""
