"""Every write of the app goes through these functions (views, admin, tasks call them)."""
