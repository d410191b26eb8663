"""Progress reports (báo cáo kết quả thực hiện): a plan and its results in, a report out; pure."""
